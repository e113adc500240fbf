//! Cost models: the fuel each WebAssembly operator and each host call costs.
//!
//! The models are one versioned table, `cost_models.toml`, built into the binary. A model's
//! id (`native-v1`) is part of result provenance and of every cache key whose value depends
//! on fuel.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use wasmtime::OperatorCost;

/// The model used unless another is asked for.
pub const DEFAULT_COST_MODEL: &str = "native";

const TABLE: &str = include_str!("cost_models.toml");

/// Operators wasmtime never charges (they generate no code, or only structure); a model's
/// default weight does not apply to them.
const FREE: &[&str] = &[
    "Nop",
    "Drop",
    "Block",
    "Loop",
    "End",
    "Else",
    "Return",
    "Unreachable",
];

#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Table {
    models: BTreeMap<String, ModelSpec>,
}

#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ModelSpec {
    version: u32,
    description: String,
    default: u8,
    #[serde(default)]
    classes: BTreeMap<String, Class>,
    #[serde(default)]
    variable: BTreeMap<String, u8>,
    #[serde(default)]
    host: HostCost,
}

#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Class {
    weight: u8,
    ops: Vec<String>,
}

/// What the host charges for a host call (`fd_write`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HostCost {
    pub call: u64,
    pub per_byte: u64,
}

/// A named, versioned cost model, ready for the engine.
#[derive(Debug, Clone)]
pub struct CostModel {
    name: String,
    version: u32,
    description: String,
    operators: OperatorCost,
    pub(crate) host: HostCost,
}

#[derive(Debug, thiserror::Error)]
pub enum CostModelError {
    #[error("no cost model `{name}` (there are: {known})")]
    Unknown { name: String, known: String },
    #[error("cost model `{name}`: {message}")]
    Invalid { name: String, message: String },
}

fn table() -> &'static Table {
    static TABLE_PARSED: OnceLock<Table> = OnceLock::new();
    TABLE_PARSED.get_or_init(|| {
        toml::from_str(TABLE).expect("cost_models.toml is checked by the test suite")
    })
}

impl CostModel {
    /// The names of the models in the table.
    pub fn names() -> Vec<&'static str> {
        table().models.keys().map(String::as_str).collect()
    }

    /// The model called `name` (`plain`, `native`, or with its version: `native-v1`).
    pub fn named(name: &str) -> Result<CostModel, CostModelError> {
        let (base, version) = match name.rsplit_once("-v") {
            Some((base, v)) if v.parse::<u32>().is_ok() => (base, v.parse::<u32>().ok()),
            _ => (name, None),
        };
        let unknown = || CostModelError::Unknown {
            name: name.to_owned(),
            known: table()
                .models
                .iter()
                .map(|(n, m)| format!("{n} (v{})", m.version))
                .collect::<Vec<_>>()
                .join(", "),
        };
        let spec = table().models.get(base).ok_or_else(unknown)?;
        if version.is_some_and(|v| v != spec.version) {
            return Err(unknown());
        }
        let invalid = |message: String| CostModelError::Invalid {
            name: base.to_owned(),
            message,
        };
        // The table's fields by operator name, through its serde form (wasmtime offers no
        // other way to name them).
        let mut fields = match serde_json::to_value(OperatorCost::new()) {
            Ok(serde_json::Value::Object(map)) => map,
            _ => return Err(invalid("wasmtime's operator table is not a map".into())),
        };
        for (op, cost) in fields.iter_mut() {
            if op != "variable" && !FREE.contains(&op.as_str()) {
                *cost = spec.default.into();
            }
        }
        for (class, c) in &spec.classes {
            for op in &c.ops {
                match fields.get_mut(op) {
                    Some(cost) if op != "variable" => *cost = c.weight.into(),
                    _ => return Err(invalid(format!("class {class}: no operator `{op}`"))),
                }
            }
        }
        if let Some(serde_json::Value::Object(variable)) = fields.get_mut("variable") {
            for (field, weight) in &spec.variable {
                match variable.get_mut(field) {
                    Some(cost) => *cost = (*weight).into(),
                    None => return Err(invalid(format!("no variable cost `{field}`"))),
                }
            }
        }
        let operators: OperatorCost = serde_json::from_value(serde_json::Value::Object(fields))
            .map_err(|e| invalid(e.to_string()))?;
        Ok(CostModel {
            name: base.to_owned(),
            version: spec.version,
            description: spec.description.clone(),
            operators,
            host: spec.host,
        })
    }

    /// `native-v1`: the name and version results record.
    pub fn id(&self) -> String {
        format!("{}-v{}", self.name, self.version)
    }

    pub fn description(&self) -> &str {
        &self.description
    }

    /// The table to give the engine, or None when it is wasmtime's own default (`plain`):
    /// the engine then keeps its default strategy, and its compiled code stays what it was
    /// before cost models.
    pub(crate) fn engine_table(&self) -> Option<OperatorCost> {
        (self.operators != OperatorCost::new()).then(|| self.operators.clone())
    }
}

impl Default for CostModel {
    fn default() -> Self {
        CostModel::named(DEFAULT_COST_MODEL).expect("the default cost model is in the table")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_model_in_the_table_builds() {
        for name in CostModel::names() {
            let model = CostModel::named(name).unwrap();
            assert_eq!(CostModel::named(&model.id()).unwrap().id(), model.id());
        }
    }

    #[test]
    fn plain_is_wasmtimes_default_table() {
        let plain = CostModel::named("plain").unwrap();
        assert_eq!(plain.operators, OperatorCost::new());
        assert!(plain.engine_table().is_none());
        assert!(CostModel::named("native").unwrap().engine_table().is_some());
        assert_eq!(plain.host, HostCost::default());
    }

    #[test]
    fn unknown_names_and_versions_are_refused() {
        assert!(matches!(
            CostModel::named("fast"),
            Err(CostModelError::Unknown { .. })
        ));
        assert!(matches!(
            CostModel::named("native-v999"),
            Err(CostModelError::Unknown { .. })
        ));
    }
}
