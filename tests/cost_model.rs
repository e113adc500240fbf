//! Cost models: the weights come from one versioned table (src/sandbox/cost_models.toml),
//! and a division-heavy module costs exactly what that table says under each model.

mod common;

use common::*;
use fuelgauge::candidate::Language::Wat;
use fuelgauge::sandbox::{CostModel, Limits, RunVerdict, Sandbox};

const DIVISIONS: &str = include_str!("fixtures/cost/divisions.wat");
const STEPS: u64 = 1000;

/// The weight the table gives a class of the `native` model.
fn weight(class: &str) -> u64 {
    let table: toml::Value =
        toml::from_str(include_str!("../src/sandbox/cost_models.toml")).unwrap();
    table["models"]["native"]["classes"][class]["weight"]
        .as_integer()
        .unwrap() as u64
}

fn fuel_under(model: &str) -> u64 {
    let program = build(Wat, DIVISIONS).program.unwrap();
    let sandbox = Sandbox::with_cost_model(1, None, CostModel::named(model).unwrap()).unwrap();
    let outcome = sandbox.run(&program, b"", &Limits::default(), 0).unwrap();
    assert_eq!(outcome.verdict, RunVerdict::Ok);
    outcome.fuel
}

#[test]
fn division_weights_come_from_the_table() {
    let plain = fuel_under("plain");
    let native = fuel_under("native");
    // Each step has one i64.rem_u and one i32.div_u; every other operator costs 1 in both.
    let extra = STEPS * ((weight("int_div64") - 1) + (weight("int_div32") - 1));
    assert_eq!(native - plain, extra);
}

#[test]
fn models_are_named_with_their_version() {
    assert_eq!(CostModel::named("native").unwrap().id(), "native-v1");
    assert_eq!(CostModel::named("plain-v1").unwrap().id(), "plain-v1");
    let unknown = CostModel::named("fastest").unwrap_err().to_string();
    assert!(
        unknown.contains("native") && unknown.contains("plain"),
        "{unknown}"
    );
}
