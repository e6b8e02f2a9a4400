# The completion engine of pika (dev.pika.cli.completion.CompletionEngine) as a POSIX awk program, so a TAB starts
# no JVM: the shells run `awk PROGRAM WORD... CURRENT` and read the same output as `pika __complete`: one
# candidate per line (VALUE, or VALUE<TAB>DESCRIPTION), then `:DIRECTIVE` (1 files, 2 directories), or `:jvm`
# when a value is dynamic and only the JVM can tell. The tables (function init, appended by CompletionTables) are
# generated from the command model; CompletionTablesTest compares this program with the engine for every
# command and option. Keys: K is a command path ("" for pika, "image build"), an option id is K#N,
# the id of a positional K@N. No single quotes in this file: the shells embed it in single quotes.
# table builders, called by init: a command, a subcommand name (aliases too), an option, a positional, values
function cmd(k, hassub, help, np, no, subc) {
    if (hassub) HASSUB[k] = 1
    if (help != "-") HELP[k] = help
    NP[k] = np; NO[k] = no
    if (subc != "") SUBC[k] = subc
}
function subname(k, name, child) { SUB[k, name] = child }
function opt(k, i, names, longest, min, max, multi, hidden, summary,    id, n, list, j) {
    id = k "#" i
    ON[id] = names; OL[id] = longest; OMIN[id] = min; OMAX[id] = max; OSUM[id] = summary
    if (multi) OMULTI[id] = 1
    if (hidden) OHID[id] = 1
    n = split(names, list, " ")
    for (j = 1; j <= n; j++) if (!((k SUBSEP list[j]) in O)) O[k, list[j]] = id
}
function pos(k, i, from, to, hidden) {
    PF[k, i] = from; PT[k, i] = to
    if (hidden) PHID[k "@" i] = 1
}
function val(id, has, list, directive, dynamic) {
    if (has) { VHAS[id] = 1; V[id] = list }
    VD[id] = directive
    if (dynamic) JVM[id] = 1
}
function bor(a, b,    r, bit) {
    r = 0
    for (bit = 4; bit >= 1; bit /= 2) {
        if (a >= bit || b >= bit) r += bit
        if (a >= bit) a -= bit
        if (b >= bit) b -= bit
    }
    return r
}
function starts(s, p) { return substr(s, 1, length(p)) == p }
function emit(value, desc) {
    OUT[++NOUT] = desc == "" ? value : value "\t" desc
}
# the values of an option or positional (id) that start with prefix, each with head in front; returns the directive
function values(id, prefix, head,    n, i, list) {
    if (id in JVM) { DYNAMIC = 1; return 0 }
    if (!(id in VHAS)) return VD[id] + 0
    n = split(V[id], list, "\n")
    for (i = 1; i <= n; i++) if (V[id] != "" && starts(list[i], prefix)) emit(head list[i], "")
    return 0
}
function options(k, cur,    i, id, n, names, j, offered) {
    for (i = 1; i <= NO[k]; i++) {
        id = k "#" i
        if ((id in OHID) || ((id in USED) && !(id in OMULTI))) continue
        n = split(ON[id], names, " ")
        for (j = 1; j <= n; j++) {
            offered = names[j] == OL[id] || (length(cur) >= 2 && !starts(cur, "--"))
            if (offered && starts(names[j], cur)) emit(names[j], OSUM[id])
        }
    }
}
function subcommands(k, cur,    n, i, list, name) {
    if (!(k in SUBC)) return
    n = split(SUBC[k], list, "\n")
    for (i = 1; i <= n; i++) {
        name = list[i]
        sub(/\t.*/, "", name)
        if (starts(name, cur)) OUT[++NOUT] = list[i]
    }
}
function positional(k, index_,    i) {
    for (i = 1; i <= NP[k]; i++) {
        if (!((k "@" i) in PHID) && PF[k, i] <= index_ && index_ <= PT[k, i]) return k "@" i
    }
    return ""
}
function complete(    n, cur, k, positionals, eoo, pending, pv, ov, ob, i, w, eq, name, id, d, param, head) {
    n = ARGC - 1
    if (n < 1) { ARGV[1] = ""; n = 1 }
    cur = ARGV[n]
    k = ""; positionals = 0; eoo = 0; pending = ""; pv = 0; ov = ""
    for (i = 1; i < n; i++) {
        w = ARGV[i]
        ob = ov; ov = ""
        if (pv > 0) { pv--; continue }
        if (!eoo && w == "--") { eoo = 1; continue }
        if (!eoo && length(w) > 1 && starts(w, "-")) {
            eq = index(w, "=")
            name = eq > 1 ? substr(w, 1, eq - 1) : w
            if ((k SUBSEP name) in O) {
                id = O[k, name]
                USED[id] = 1
                if (eq == 0 && OMAX[id] > 0) {
                    if (OMIN[id] == 0) ov = id
                    else { pending = id; pv = OMIN[id] }
                }
            }
            continue
        }
        if (ob != "") continue
        if (positionals == 0 && ((k SUBSEP w) in SUB)) {
            k = SUB[k, w]; positionals = 0; eoo = 0
            for (id in USED) delete USED[id]
            continue
        }
        if (NP[k] > 0) positionals++
    }
    if (pv > 0) return values(pending, cur, "")
    if (!eoo && starts(cur, "-")) {
        eq = index(cur, "=")
        if (eq > 1) {
            name = substr(cur, 1, eq - 1)
            if (!((k SUBSEP name) in O) || OMAX[O[k, name]] == 0) return 0
            return values(O[k, name], substr(cur, eq + 1), substr(cur, 1, eq))
        }
        options(k, cur)
        return 0
    }
    d = 0
    if (ov != "") d = bor(d, values(ov, cur, ""))
    if (positionals == 0) {
        subcommands(k, cur)
        if (k in HELP) subcommands(HELP[k], cur)
    }
    param = positional(k, positionals)
    if (param != "") d = bor(d, values(param, cur, ""))
    if (param == "" && !(k in HASSUB) && NOUT == 0) { options(k, cur); return 0 }
    return d
}
BEGIN {
    init()
    NOUT = 0; DYNAMIC = 0
    d = complete()
    if (DYNAMIC) { print ":jvm"; exit 0 }
    for (i = 1; i <= NOUT; i++) print OUT[i]
    print ":" d
    exit 0
}
