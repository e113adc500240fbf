/* Fast paths for the standard streams, linked into every C++ program (what a program does
 * not use is left out by the linker).
 *
 * libc++'s `std::cin >> x` costs 5–9 times `scanf` in fuel: cin's unbuffered stdin buffer
 * makes a virtual call, a `getc` and an `ungetc` per character, and `num_get` does locale
 * work per number (a grouping string, a staging buffer, `strtoll`). Natively, libstdc++
 * (what model-written C++ is written against) reads as fast as `scanf`, so that cost would
 * score the I/O idiom, not the program. The definitions here replace libc++'s own (weak
 * template instantiations), keeping its observable behaviour:
 * - cin's buffer (`__stdinbuf<char>`) peeks and takes a character with one `getc` and keeps a
 *   put-back character in C's `stdin` (`ungetc`) instead of in itself, so C stdio, the fast
 *   path below and the buffer always agree on the position: `scanf` and `cin` mix as before.
 * - `num_get<char>::do_get` for the integer types (every `>>` of an integer, on any stream)
 *   reads the digits directly, from C's `stdin` for cin, when the stream is decimal in the
 *   classic locale: values, failbit and eofbit, overflow (the type's limit) and unsigned
 *   negation are libc++'s. Another base or locale takes libc++'s route.
 * - `num_put<char>::do_put` for the integer types writes the digits with one `sputn` under
 *   the same kind of conditions (decimal, no showpos, no width, classic locale).
 * Everything still runs in the sandbox and is metered: this only makes the idiom cost what
 * its work costs. libc++ ignores `sync_with_stdio(false)`; these paths are fast either way. */
#include <cstdio>
#include <cstring>
#include <ios>
#include <iterator>
#include <limits>
#include <locale>
#include <streambuf>
#include <type_traits>

#define FG_MEMBER(ret, name, sym, ...)                 \
    extern "C++" ret name(__VA_ARGS__) __asm__(sym); \
    ret name(__VA_ARGS__)

namespace {

using std::ios_base;
using InIter = std::istreambuf_iterator<char>;
using OutIter = std::ostreambuf_iterator<char>;

/* cin's buffer, once it has been used (every `>>` on cin peeks through it first), and the
 * character it last handed out, for `unget()`. */
const void* stdin_buffer = nullptr;
int last_taken = EOF;

/* The buffer an istreambuf_iterator or ostreambuf_iterator reads or writes (libc++ keeps
 * only that pointer, null at the end or after a failure). */
template <class Iter>
std::streambuf* buffer_of(const Iter& it) {
    static_assert(sizeof(Iter) == sizeof(std::streambuf*), "libc++'s stream buffer iterators");
    std::streambuf* sb;
    std::memcpy(&sb, &it, sizeof sb);
    return sb;
}

/* Comparing locales costs a copy and a compare per number, so one stream (the first one
 * checked, in practice std::cin) is remembered as classic until it is imbued or destroyed:
 * the stream tells a callback registered on it, once. */
const ios_base* remembered = nullptr;
const ios_base* registered = nullptr;

void forget_stream(ios_base::event event, ios_base& iob, int) {
    if (&iob == registered) {
        remembered = nullptr;
        if (event == ios_base::erase_event) {
            registered = nullptr;  // destroyed, or about to take another's callbacks
        }
    }
}

bool classic(ios_base& iob) {
    if (&iob == remembered) {
        return true;
    }
    if (iob.getloc() != std::locale::classic()) {
        return false;
    }
    if (registered == nullptr) {
        iob.register_callback(forget_stream, 0);
        registered = &iob;
    }
    if (registered == &iob) {
        remembered = &iob;
    }
    return true;
}

bool classic_decimal(ios_base& iob) {
    const ios_base::fmtflags base = iob.flags() & ios_base::basefield;
    return (base == ios_base::dec || base == 0) && classic(iob);
}

/* wasi-libc's FILE begins with its read window (musl's layout): a character is taken or
 * peeked at without a call while the window holds one, as musl's own getc does. */
struct FileWindow {
    unsigned flags;
    unsigned char* rpos;
    unsigned char* rend;
};

inline FileWindow* stdin_window() {
    return reinterpret_cast<FileWindow*>(stdin);
}

inline int peek_stdin() {
    FileWindow* w = stdin_window();
    if (w->rpos != w->rend) {
        return *w->rpos;
    }
    const int c = getc_unlocked(stdin);
    if (c != EOF) {
        ungetc(c, stdin);
    }
    return c;
}

inline int take_stdin() {
    FileWindow* w = stdin_window();
    const int c = w->rpos != w->rend ? *w->rpos++ : getc_unlocked(stdin);
    last_taken = c;
    return c;
}

/* The value of a run of decimal digits, and whether it overflowed. */
struct Digits {
    unsigned long long magnitude = 0;
    bool any = false, range_error = false;

    void add(unsigned d) {
        any = true;
        constexpr unsigned long long limit = std::numeric_limits<unsigned long long>::max() / 10;
        if (magnitude >= limit && (magnitude > limit || d > 5)) {
            range_error = true;
        } else {
            magnitude = magnitude * 10 + d;
        }
    }
};

/* Characters from C's stdin (cin): through its window, a call only when it is empty.
 * A source's `first` peeks at the current character, `next` takes it and peeks at the one
 * after, `digits` reads a run of digits from the current character `c` on and returns the
 * first character after it, left unread. */
struct FileSource {
    int first() { return peek_stdin(); }
    int next() {
        take_stdin();
        return peek_stdin();
    }
    int digits(int c, Digits& out) {
        FileWindow* w = stdin_window();
        while (c != EOF && static_cast<unsigned>(c - '0') < 10) {
            // `c` is *w->rpos (a peek leaves the character in the window).
            unsigned char* p = w->rpos;
            unsigned char* const end = w->rend;
            unsigned d;
            while (p != end && (d = static_cast<unsigned>(*p - '0')) < 10) {
                out.add(d);
                ++p;
            }
            last_taken = p[-1];
            w->rpos = p;
            c = peek_stdin();
        }
        return c;
    }
};

/* Characters from any other buffer. */
struct BufferSource {
    std::streambuf* sb;
    int first() { return sb->sgetc(); }
    int next() { return sb->snextc(); }
    int digits(int c, Digits& out) {
        while (c != EOF && static_cast<unsigned>(c - '0') < 10) {
            out.add(static_cast<unsigned>(c - '0'));
            c = sb->snextc();
        }
        return c;
    }
};

/* num_get's integer parsing in the classic locale, base 10: an optional sign, then digits. */
template <class T, class Source>
InIter parse(Source src, std::streambuf* sb, ios_base::iostate& err, T& v) {
    int c = src.first();
    const bool negative = c == '-';
    if (c == '-' || c == '+') {
        c = src.next();
    }
    Digits digits;
    c = src.digits(c, digits);
    const unsigned long long magnitude = digits.magnitude;
    const bool range_error = digits.range_error;
    using Limits = std::numeric_limits<T>;
    if (!digits.any) {
        v = 0;
        err = ios_base::failbit;
    } else if constexpr (std::is_signed_v<T>) {
        const unsigned long long max = static_cast<unsigned long long>(Limits::max());
        if (range_error || magnitude > max + (negative ? 1 : 0)) {
            v = negative ? Limits::min() : Limits::max();
            err = ios_base::failbit;
        } else if (negative) {
            v = static_cast<T>(-static_cast<long long>(magnitude - 1) - 1);
        } else {
            v = static_cast<T>(magnitude);
        }
    } else if (range_error || magnitude > static_cast<unsigned long long>(Limits::max())) {
        v = Limits::max();
        err = ios_base::failbit;
    } else {
        v = static_cast<T>(magnitude);
        if (negative) {
            v = static_cast<T>(-v);
        }
    }
    if (c == EOF) {
        err |= ios_base::eofbit;
        return InIter();
    }
    return InIter(sb);
}

/* libc++'s own routes (protected members), for what the fast paths do not cover. */
struct Get : std::num_get<char> {
    template <class T>
    InIter libcxx(InIter in, InIter end, ios_base& iob, ios_base::iostate& err, T& v) const {
        if constexpr (std::is_signed_v<T>) {
            return this->__do_get_signed(in, end, iob, err, v);
        } else {
            return this->__do_get_unsigned(in, end, iob, err, v);
        }
    }
};

struct Put : std::num_put<char> {
    template <class T>
    OutIter libcxx(OutIter out, ios_base& iob, char fill, T v) const {
        return this->__do_put_integral(out, iob, fill, v, sizeof(T) == sizeof(long) ? "l" : "ll");
    }
};

template <class T>
InIter get_integer(const void* facet, InIter in, InIter end, ios_base& iob,
                   ios_base::iostate& err, T& v) {
    std::streambuf* sb = buffer_of(in);
    // `end` is always the end-of-stream iterator in the standard library's own calls.
    if (sb == nullptr || buffer_of(end) != nullptr || !classic_decimal(iob)) {
        return static_cast<const Get*>(facet)->libcxx(in, end, iob, err, v);
    }
    err = ios_base::goodbit;
    if (sb == stdin_buffer) {
        return parse(FileSource{}, sb, err, v);
    }
    return parse(BufferSource{sb}, sb, err, v);
}

template <class T>
OutIter put_integer(const void* facet, OutIter out, ios_base& iob, char fill, T v) {
    const ios_base::fmtflags f = iob.flags();
    if (iob.width() != 0 || (f & ios_base::showpos) != 0 || !classic_decimal(iob)) {
        return static_cast<const Put*>(facet)->libcxx(out, iob, fill, v);
    }
    char buf[24];
    char* const end = buf + sizeof buf;
    char* p = end;
    const bool negative = std::is_signed_v<T> && v < 0;
    unsigned long long magnitude =
        negative ? 0ull - static_cast<unsigned long long>(v) : static_cast<unsigned long long>(v);
    do {
        *--p = static_cast<char>('0' + magnitude % 10);
        magnitude /= 10;
    } while (magnitude != 0);
    if (negative) {
        *--p = '-';
    }
    std::streambuf* sb = buffer_of(out);
    if (sb == nullptr || sb->sputn(p, end - p) != end - p) {
        return OutIter(static_cast<std::streambuf*>(nullptr));
    }
    return out;
}

}  // namespace

/* __stdinbuf<char>: underflow (peek), uflow (take), pbackfail (put back). */
FG_MEMBER(int, fg_stdinbuf_underflow, "_ZNSt3__210__stdinbufIcE9underflowEv", void* self) {
    stdin_buffer = self;
    return peek_stdin();
}

FG_MEMBER(int, fg_stdinbuf_uflow, "_ZNSt3__210__stdinbufIcE5uflowEv", void* self) {
    stdin_buffer = self;
    return take_stdin();
}

FG_MEMBER(int, fg_stdinbuf_pbackfail, "_ZNSt3__210__stdinbufIcE9pbackfailEi", void* self, int c) {
    stdin_buffer = self;
    if (c == EOF) {
        // unget(): the last character taken goes back.
        if (last_taken == EOF) {
            return EOF;
        }
        c = last_taken;
    }
    last_taken = EOF;
    return ungetc(c, stdin) == EOF ? EOF : c;
}

/* __stdoutbuf<char>::sync, which a tied cin calls before every read: libc++'s converts
 * nothing for char (its codecvt is `noconv`) and then flushes its FILE, which is what this
 * does without the conversion's calls. */
FG_MEMBER(int, fg_stdoutbuf_sync, "_ZNSt3__211__stdoutbufIcE4syncEv", void* self) {
    static_assert(sizeof(std::streambuf) == 8 * sizeof(void*), "libc++'s basic_streambuf");
    FILE* file;
    std::memcpy(&file, static_cast<char*>(self) + sizeof(std::streambuf), sizeof file);
    return fflush(file) == 0 ? 0 : -1;
}

#define FG_GET(T, code)                                                                    \
    FG_MEMBER(InIter, fg_get_##code,                                                       \
              "_ZNKSt3__27num_getIcNS_19istreambuf_iteratorIcNS_11char_traitsIcEEEEE6do_getES4_S4_RNS_8ios_baseERjR" #code, \
              const void* self, InIter in, InIter end, ios_base& iob, ios_base::iostate& err, T& v) { \
        return get_integer(self, in, end, iob, err, v);                                    \
    }
FG_GET(long, l)
FG_GET(long long, x)
FG_GET(unsigned short, t)
FG_GET(unsigned long, m)
FG_GET(unsigned long long, y)
/* unsigned int& is `S8_` (a back-reference): spelled out. */
FG_MEMBER(InIter, fg_get_j,
          "_ZNKSt3__27num_getIcNS_19istreambuf_iteratorIcNS_11char_traitsIcEEEEE6do_getES4_S4_RNS_8ios_baseERjS8_",
          const void* self, InIter in, InIter end, ios_base& iob, ios_base::iostate& err, unsigned int& v) {
    return get_integer(self, in, end, iob, err, v);
}

#define FG_PUT(T, code)                                                                    \
    FG_MEMBER(OutIter, fg_put_##code,                                                      \
              "_ZNKSt3__27num_putIcNS_19ostreambuf_iteratorIcNS_11char_traitsIcEEEEE6do_putES4_RNS_8ios_baseEc" #code, \
              const void* self, OutIter out, ios_base& iob, char fill, T v) {              \
        return put_integer(self, out, iob, fill, v);                                       \
    }
FG_PUT(long, l)
FG_PUT(long long, x)
FG_PUT(unsigned long, m)
FG_PUT(unsigned long long, y)
