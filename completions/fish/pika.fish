# fish completion for pika.
# Generated from pika's command model by `pika completion fish pika`; do not edit.
# Regenerate with scripts/regen-docs.sh. Candidates come from the awk program below (the
# command model's tables: no JVM at TAB time), or from `pika __complete` when awk is missing or a value is dynamic.
set -g __pika_awk '# The completion engine of pika (dev.pika.cli.completion.CompletionEngine) as a POSIX awk program, so a TAB starts
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
    OUT[++NOUT] = desc == "" ? value : value "\\t" desc
}
# the values of an option or positional (id) that start with prefix, each with head in front; returns the directive
function values(id, prefix, head,    n, i, list) {
    if (id in JVM) { DYNAMIC = 1; return 0 }
    if (!(id in VHAS)) return VD[id] + 0
    n = split(V[id], list, "\\n")
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
    n = split(SUBC[k], list, "\\n")
    for (i = 1; i <= n; i++) {
        name = list[i]
        sub(/\\t.*/, "", name)
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
function init() {
    cmd("", 1, "-", 0, 2, "help\\tDisplay help information about the specified command\\nvalidate\\tCheck contract documents of any kind\\nvalidate-result\\tCheck terminal results (result.json, CONTRACT.md §2)\\nvalidate-status\\tCheck status snapshots (status.json, CONTRACT.md §2)\\nvalidate-events\\tCheck lifecycle event streams (events.jsonl, CONTRACT.md §2)\\nvalidate-request\\tCheck Incus guest run requests (guest-request.json, schema version 2, CONTRACT.md §3)\\nvalidate-spec\\tCheck runtime specs (CONTRACT.md §4)\\nrender\\tRender the shell scripts Pika guests run\\nresult\\tMake terminal results (result.json)\\nspec\\tWork with runtime specs (RuntimeSpec)\\nlifecycle\\tWrite a guest\\047s lifecycle files (status.json, events.jsonl, result.json) as the guest\\047s Python helper pika-cloud-lifecycle does\\nrequest\\tMake Incus guest run requests (guest-request.json, schema version 2)\\nimage\\tBuild a guest role\\047s VM image with Nix and import it into Incus (or LXD), locally or on a build host over ssh\\nroles\\tShow the Incus guest roles (CONTRACT.md §5)\\nschema\\tPrint the JSON Schema (draft 2020-12) of a contract document kind, generated from pika\\047s model of the contract, for editors (a document\\047s `$schema`, VS Code\\047s json.schemas) and other languages\\nimage-record\\tImage records (CONTRACT.md §6)\\ninstance\\tRead live or stopped Incus instances the way the hosts do (CONTRACT.md §9)\\ncompletion\\tPrint the shell completion script for pika or one of its launchers\\nshell\\tRun pika commands interactively, with TAB completion of commands, options, role ids and paths")
    opt("", 1, "-h --help", "--help", 0, 0, 0, 0, "Show this help message and exit")
    opt("", 2, "-V --version", "--version", 0, 0, 0, 0, "Print version information and exit")
    subname("", "help", "help")
    cmd("help", 0, "", 1, 1, "")
    opt("help", 1, "-h --help", "--help", 0, 0, 0, 0, "Show usage help for the help command and exit")
    pos("help", 1, 0, 0, 0)
    val("help@1", 0, "", 0, 0)
    subname("", "validate", "validate")
    cmd("validate", 0, "-", 1, 12, "")
    opt("validate", 1, "-r --recursive", "--recursive", 0, 0, 0, 0, "Also check the directories inside a directory, at any depth (symbolic links to directories are not followed)")
    opt("validate", 2, "--strict", "--strict", 0, 0, 0, 0, "Treat warnings (lint) as errors")
    opt("validate", 3, "--disable-rule", "--disable-rule", 1, 1, 1, 0, "Drop the warnings of this lint rule (repeatable; `lint`: every lint rule)")
    val("validate#3", 1, "unknown-field\\nschema-version\\nstatus-exit-code\\ntimestamp-format\\nseq-order\\npositional-struct\\nenum-map-form\\nignored-value\\nlegacy-field\\nlegacy-entry-command-lost\\nrecorded-role-custom-alias\\nrecorded-role-mismatch\\nfingerprint-format\\ntoo-many-findings\\nlint", 0, 0)
    opt("validate", 4, "--enable-rule", "--enable-rule", 1, 1, 1, 0, "Keep the warnings of this lint rule even when --disable-rule lint is given (repeatable)")
    val("validate#4", 1, "unknown-field\\nschema-version\\nstatus-exit-code\\ntimestamp-format\\nseq-order\\npositional-struct\\nenum-map-form\\nignored-value\\nlegacy-field\\nlegacy-entry-command-lost\\nrecorded-role-custom-alias\\nrecorded-role-mismatch\\nfingerprint-format\\ntoo-many-findings\\nlint", 0, 0)
    opt("validate", 5, "--list-rules", "--list-rules", 0, 0, 0, 0, "Print every rule id with its severity and what it catches, then exit (--format json: a JSON array)")
    opt("validate", 6, "-q --quiet", "--quiet", 0, 0, 0, 0, "Print only errors")
    opt("validate", 7, "--max-bytes", "--max-bytes", 1, 1, 0, 0, "Most bytes read for one document or one event line, with an optional unit k, M or G (default: 16M, at most 1G)")
    val("validate#7", 0, "", 0, 0)
    opt("validate", 8, "--kind", "--kind", 1, 1, 0, 0, "Document kind for every file")
    val("validate#8", 1, "result\\nstatus\\nevents\\nrequest\\nspec\\nimage-record\\nexecution-record", 0, 0)
    opt("validate", 9, "--role", "--role", 1, 1, 0, 0, "The guest role of the state directories checked")
    val("validate#9", 1, "managed-openclaw\\npikaci-runner", 0, 0)
    opt("validate", 10, "-h --help", "--help", 0, 0, 0, 0, "Show this help message and exit")
    opt("validate", 11, "-V --version", "--version", 0, 0, 0, 0, "Print version information and exit")
    opt("validate", 12, "--format", "--format", 1, 1, 0, 0, "Output format")
    val("validate#12", 1, "text\\njson\\ngithub\\njunit\\nsarif", 0, 0)
    pos("validate", 1, 0, 2147483647, 0)
    val("validate@1", 0, "", 1, 0)
    subname("", "validate-result", "validate-result")
    cmd("validate-result", 0, "-", 1, 10, "")
    opt("validate-result", 1, "-r --recursive", "--recursive", 0, 0, 0, 0, "Also check the directories inside a directory, at any depth (symbolic links to directories are not followed)")
    opt("validate-result", 2, "--strict", "--strict", 0, 0, 0, 0, "Treat warnings (lint) as errors")
    opt("validate-result", 3, "--disable-rule", "--disable-rule", 1, 1, 1, 0, "Drop the warnings of this lint rule (repeatable; `lint`: every lint rule)")
    val("validate-result#3", 1, "unknown-field\\nschema-version\\nstatus-exit-code\\ntimestamp-format\\nseq-order\\npositional-struct\\nenum-map-form\\nignored-value\\nlegacy-field\\nlegacy-entry-command-lost\\nrecorded-role-custom-alias\\nrecorded-role-mismatch\\nfingerprint-format\\ntoo-many-findings\\nlint", 0, 0)
    opt("validate-result", 4, "--enable-rule", "--enable-rule", 1, 1, 1, 0, "Keep the warnings of this lint rule even when --disable-rule lint is given (repeatable)")
    val("validate-result#4", 1, "unknown-field\\nschema-version\\nstatus-exit-code\\ntimestamp-format\\nseq-order\\npositional-struct\\nenum-map-form\\nignored-value\\nlegacy-field\\nlegacy-entry-command-lost\\nrecorded-role-custom-alias\\nrecorded-role-mismatch\\nfingerprint-format\\ntoo-many-findings\\nlint", 0, 0)
    opt("validate-result", 5, "--list-rules", "--list-rules", 0, 0, 0, 0, "Print every rule id with its severity and what it catches, then exit (--format json: a JSON array)")
    opt("validate-result", 6, "-q --quiet", "--quiet", 0, 0, 0, 0, "Print only errors")
    opt("validate-result", 7, "--max-bytes", "--max-bytes", 1, 1, 0, 0, "Most bytes read for one document or one event line, with an optional unit k, M or G (default: 16M, at most 1G)")
    val("validate-result#7", 0, "", 0, 0)
    opt("validate-result", 8, "-h --help", "--help", 0, 0, 0, 0, "Show this help message and exit")
    opt("validate-result", 9, "-V --version", "--version", 0, 0, 0, 0, "Print version information and exit")
    opt("validate-result", 10, "--format", "--format", 1, 1, 0, 0, "Output format")
    val("validate-result#10", 1, "text\\njson\\ngithub\\njunit\\nsarif", 0, 0)
    pos("validate-result", 1, 0, 2147483647, 0)
    val("validate-result@1", 0, "", 1, 0)
    subname("", "validate-status", "validate-status")
    cmd("validate-status", 0, "-", 1, 10, "")
    opt("validate-status", 1, "-r --recursive", "--recursive", 0, 0, 0, 0, "Also check the directories inside a directory, at any depth (symbolic links to directories are not followed)")
    opt("validate-status", 2, "--strict", "--strict", 0, 0, 0, 0, "Treat warnings (lint) as errors")
    opt("validate-status", 3, "--disable-rule", "--disable-rule", 1, 1, 1, 0, "Drop the warnings of this lint rule (repeatable; `lint`: every lint rule)")
    val("validate-status#3", 1, "unknown-field\\nschema-version\\nstatus-exit-code\\ntimestamp-format\\nseq-order\\npositional-struct\\nenum-map-form\\nignored-value\\nlegacy-field\\nlegacy-entry-command-lost\\nrecorded-role-custom-alias\\nrecorded-role-mismatch\\nfingerprint-format\\ntoo-many-findings\\nlint", 0, 0)
    opt("validate-status", 4, "--enable-rule", "--enable-rule", 1, 1, 1, 0, "Keep the warnings of this lint rule even when --disable-rule lint is given (repeatable)")
    val("validate-status#4", 1, "unknown-field\\nschema-version\\nstatus-exit-code\\ntimestamp-format\\nseq-order\\npositional-struct\\nenum-map-form\\nignored-value\\nlegacy-field\\nlegacy-entry-command-lost\\nrecorded-role-custom-alias\\nrecorded-role-mismatch\\nfingerprint-format\\ntoo-many-findings\\nlint", 0, 0)
    opt("validate-status", 5, "--list-rules", "--list-rules", 0, 0, 0, 0, "Print every rule id with its severity and what it catches, then exit (--format json: a JSON array)")
    opt("validate-status", 6, "-q --quiet", "--quiet", 0, 0, 0, 0, "Print only errors")
    opt("validate-status", 7, "--max-bytes", "--max-bytes", 1, 1, 0, 0, "Most bytes read for one document or one event line, with an optional unit k, M or G (default: 16M, at most 1G)")
    val("validate-status#7", 0, "", 0, 0)
    opt("validate-status", 8, "-h --help", "--help", 0, 0, 0, 0, "Show this help message and exit")
    opt("validate-status", 9, "-V --version", "--version", 0, 0, 0, 0, "Print version information and exit")
    opt("validate-status", 10, "--format", "--format", 1, 1, 0, 0, "Output format")
    val("validate-status#10", 1, "text\\njson\\ngithub\\njunit\\nsarif", 0, 0)
    pos("validate-status", 1, 0, 2147483647, 0)
    val("validate-status@1", 0, "", 1, 0)
    subname("", "validate-events", "validate-events")
    cmd("validate-events", 0, "-", 1, 10, "")
    opt("validate-events", 1, "-r --recursive", "--recursive", 0, 0, 0, 0, "Also check the directories inside a directory, at any depth (symbolic links to directories are not followed)")
    opt("validate-events", 2, "--strict", "--strict", 0, 0, 0, 0, "Treat warnings (lint) as errors")
    opt("validate-events", 3, "--disable-rule", "--disable-rule", 1, 1, 1, 0, "Drop the warnings of this lint rule (repeatable; `lint`: every lint rule)")
    val("validate-events#3", 1, "unknown-field\\nschema-version\\nstatus-exit-code\\ntimestamp-format\\nseq-order\\npositional-struct\\nenum-map-form\\nignored-value\\nlegacy-field\\nlegacy-entry-command-lost\\nrecorded-role-custom-alias\\nrecorded-role-mismatch\\nfingerprint-format\\ntoo-many-findings\\nlint", 0, 0)
    opt("validate-events", 4, "--enable-rule", "--enable-rule", 1, 1, 1, 0, "Keep the warnings of this lint rule even when --disable-rule lint is given (repeatable)")
    val("validate-events#4", 1, "unknown-field\\nschema-version\\nstatus-exit-code\\ntimestamp-format\\nseq-order\\npositional-struct\\nenum-map-form\\nignored-value\\nlegacy-field\\nlegacy-entry-command-lost\\nrecorded-role-custom-alias\\nrecorded-role-mismatch\\nfingerprint-format\\ntoo-many-findings\\nlint", 0, 0)
    opt("validate-events", 5, "--list-rules", "--list-rules", 0, 0, 0, 0, "Print every rule id with its severity and what it catches, then exit (--format json: a JSON array)")
    opt("validate-events", 6, "-q --quiet", "--quiet", 0, 0, 0, 0, "Print only errors")
    opt("validate-events", 7, "--max-bytes", "--max-bytes", 1, 1, 0, 0, "Most bytes read for one document or one event line, with an optional unit k, M or G (default: 16M, at most 1G)")
    val("validate-events#7", 0, "", 0, 0)
    opt("validate-events", 8, "-h --help", "--help", 0, 0, 0, 0, "Show this help message and exit")
    opt("validate-events", 9, "-V --version", "--version", 0, 0, 0, 0, "Print version information and exit")
    opt("validate-events", 10, "--format", "--format", 1, 1, 0, 0, "Output format")
    val("validate-events#10", 1, "text\\njson\\ngithub\\njunit\\nsarif", 0, 0)
    pos("validate-events", 1, 0, 2147483647, 0)
    val("validate-events@1", 0, "", 1, 0)
    subname("", "validate-request", "validate-request")
    cmd("validate-request", 0, "-", 1, 10, "")
    opt("validate-request", 1, "-r --recursive", "--recursive", 0, 0, 0, 0, "Also check the directories inside a directory, at any depth (symbolic links to directories are not followed)")
    opt("validate-request", 2, "--strict", "--strict", 0, 0, 0, 0, "Treat warnings (lint) as errors")
    opt("validate-request", 3, "--disable-rule", "--disable-rule", 1, 1, 1, 0, "Drop the warnings of this lint rule (repeatable; `lint`: every lint rule)")
    val("validate-request#3", 1, "unknown-field\\nschema-version\\nstatus-exit-code\\ntimestamp-format\\nseq-order\\npositional-struct\\nenum-map-form\\nignored-value\\nlegacy-field\\nlegacy-entry-command-lost\\nrecorded-role-custom-alias\\nrecorded-role-mismatch\\nfingerprint-format\\ntoo-many-findings\\nlint", 0, 0)
    opt("validate-request", 4, "--enable-rule", "--enable-rule", 1, 1, 1, 0, "Keep the warnings of this lint rule even when --disable-rule lint is given (repeatable)")
    val("validate-request#4", 1, "unknown-field\\nschema-version\\nstatus-exit-code\\ntimestamp-format\\nseq-order\\npositional-struct\\nenum-map-form\\nignored-value\\nlegacy-field\\nlegacy-entry-command-lost\\nrecorded-role-custom-alias\\nrecorded-role-mismatch\\nfingerprint-format\\ntoo-many-findings\\nlint", 0, 0)
    opt("validate-request", 5, "--list-rules", "--list-rules", 0, 0, 0, 0, "Print every rule id with its severity and what it catches, then exit (--format json: a JSON array)")
    opt("validate-request", 6, "-q --quiet", "--quiet", 0, 0, 0, 0, "Print only errors")
    opt("validate-request", 7, "--max-bytes", "--max-bytes", 1, 1, 0, 0, "Most bytes read for one document or one event line, with an optional unit k, M or G (default: 16M, at most 1G)")
    val("validate-request#7", 0, "", 0, 0)
    opt("validate-request", 8, "-h --help", "--help", 0, 0, 0, 0, "Show this help message and exit")
    opt("validate-request", 9, "-V --version", "--version", 0, 0, 0, 0, "Print version information and exit")
    opt("validate-request", 10, "--format", "--format", 1, 1, 0, 0, "Output format")
    val("validate-request#10", 1, "text\\njson\\ngithub\\njunit\\nsarif", 0, 0)
    pos("validate-request", 1, 0, 2147483647, 0)
    val("validate-request@1", 0, "", 1, 0)
    subname("", "validate-spec", "validate-spec")
    cmd("validate-spec", 0, "-", 1, 10, "")
    opt("validate-spec", 1, "-r --recursive", "--recursive", 0, 0, 0, 0, "Also check the directories inside a directory, at any depth (symbolic links to directories are not followed)")
    opt("validate-spec", 2, "--strict", "--strict", 0, 0, 0, 0, "Treat warnings (lint) as errors")
    opt("validate-spec", 3, "--disable-rule", "--disable-rule", 1, 1, 1, 0, "Drop the warnings of this lint rule (repeatable; `lint`: every lint rule)")
    val("validate-spec#3", 1, "unknown-field\\nschema-version\\nstatus-exit-code\\ntimestamp-format\\nseq-order\\npositional-struct\\nenum-map-form\\nignored-value\\nlegacy-field\\nlegacy-entry-command-lost\\nrecorded-role-custom-alias\\nrecorded-role-mismatch\\nfingerprint-format\\ntoo-many-findings\\nlint", 0, 0)
    opt("validate-spec", 4, "--enable-rule", "--enable-rule", 1, 1, 1, 0, "Keep the warnings of this lint rule even when --disable-rule lint is given (repeatable)")
    val("validate-spec#4", 1, "unknown-field\\nschema-version\\nstatus-exit-code\\ntimestamp-format\\nseq-order\\npositional-struct\\nenum-map-form\\nignored-value\\nlegacy-field\\nlegacy-entry-command-lost\\nrecorded-role-custom-alias\\nrecorded-role-mismatch\\nfingerprint-format\\ntoo-many-findings\\nlint", 0, 0)
    opt("validate-spec", 5, "--list-rules", "--list-rules", 0, 0, 0, 0, "Print every rule id with its severity and what it catches, then exit (--format json: a JSON array)")
    opt("validate-spec", 6, "-q --quiet", "--quiet", 0, 0, 0, 0, "Print only errors")
    opt("validate-spec", 7, "--max-bytes", "--max-bytes", 1, 1, 0, 0, "Most bytes read for one document or one event line, with an optional unit k, M or G (default: 16M, at most 1G)")
    val("validate-spec#7", 0, "", 0, 0)
    opt("validate-spec", 8, "-h --help", "--help", 0, 0, 0, 0, "Show this help message and exit")
    opt("validate-spec", 9, "-V --version", "--version", 0, 0, 0, 0, "Print version information and exit")
    opt("validate-spec", 10, "--format", "--format", 1, 1, 0, 0, "Output format")
    val("validate-spec#10", 1, "text\\njson\\ngithub\\njunit\\nsarif", 0, 0)
    pos("validate-spec", 1, 0, 2147483647, 0)
    val("validate-spec@1", 0, "", 1, 0)
    subname("", "render", "render")
    cmd("render", 1, "-", 0, 2, "tart-guest-script\\tRender the bash script a Tart macOS guest runs (`tart exec VM bash -lc SCRIPT`)\\nresult-fragment\\tRender the bash fragment that writes the terminal result (result.json, schema version 1) from the exit code in $code")
    opt("render", 1, "-h --help", "--help", 0, 0, 0, 0, "Show this help message and exit")
    opt("render", 2, "-V --version", "--version", 0, 0, 0, 0, "Print version information and exit")
    subname("render", "tart-guest-script", "render tart-guest-script")
    cmd("render tart-guest-script", 0, "-", 0, 11, "")
    opt("render tart-guest-script", 1, "--command", "--command", 1, 1, 0, 0, "The guest command, as bash text (e.g. \\047cargo test\\047)")
    val("render tart-guest-script#1", 0, "", 0, 0)
    opt("render tart-guest-script", 2, "--run-as-root", "--run-as-root", 0, 0, 0, 0, "Run the command with `sudo --non-interactive`")
    opt("render tart-guest-script", 3, "--use-host-xcode", "--use-host-xcode", 0, 0, 0, 0, "Mount the host\\047s Xcode (virtiofs tag pikaci-xcode) and /Library/Developer (pikaci-library-developer) instead of finding an Xcode in the guest")
    opt("render tart-guest-script", 4, "--use-host-rust-toolchain", "--use-host-rust-toolchain", 0, 0, 0, 0, "Mount the host\\047s Nix store (pikaci-nix-store), put the shared Rust toolchain on PATH and point SSL_CERT_FILE & co. at /etc/ssl/cert.pem")
    opt("render tart-guest-script", 5, "--artifacts-dir", "--artifacts-dir", 1, 1, 0, 0, "Absolute guest directory for guest.log and result.json (default: /Volumes/My Shared Files/artifacts)")
    val("render tart-guest-script#5", 0, "", 2, 0)
    opt("render tart-guest-script", 6, "--workspace-dir", "--workspace-dir", 1, 1, 0, 0, "Absolute guest directory the command runs in (default: /Volumes/My Shared Files/workspace)")
    val("render tart-guest-script#6", 0, "", 2, 0)
    opt("render tart-guest-script", 7, "--rust-toolchain-dir", "--rust-toolchain-dir", 1, 1, 0, 0, "Absolute guest directory whose bin/ goes on PATH with --use-host-rust-toolchain (default: /Volumes/My Shared Files/rust-toolchain)")
    val("render tart-guest-script#7", 0, "", 2, 0)
    opt("render tart-guest-script", 8, "--reference-compatible", "--reference-compatible", 0, 0, 0, 0, "Render the reference\\047s script")
    opt("render tart-guest-script", 9, "-o --output", "--output", 1, 1, 0, 0, "Write to FILE instead of standard output, atomically (temporary file in the same directory, then rename)")
    val("render tart-guest-script#9", 0, "", 1, 0)
    opt("render tart-guest-script", 10, "-h --help", "--help", 0, 0, 0, 0, "Show this help message and exit")
    opt("render tart-guest-script", 11, "-V --version", "--version", 0, 0, 0, 0, "Print version information and exit")
    subname("render", "result-fragment", "render result-fragment")
    cmd("render result-fragment", 0, "-", 0, 5, "")
    opt("render result-fragment", 1, "--result-path", "--result-path", 1, 1, 0, 0, "Where the fragment writes result.json (default: /Volumes/My Shared Files/artifacts/result.json, the Tart artifacts mount)")
    val("render result-fragment#1", 0, "", 0, 0)
    opt("render result-fragment", 2, "--reference-compatible", "--reference-compatible", 0, 0, 0, 0, "Render the reference\\047s fragment byte for byte (a heredoc through `cat`, `date` from PATH, written in place) instead of pika\\047s writer (builtins and absolute tools, atomic, honest for any $code)")
    opt("render result-fragment", 3, "-o --output", "--output", 1, 1, 0, 0, "Write to FILE instead of standard output, atomically (temporary file in the same directory, then rename)")
    val("render result-fragment#3", 0, "", 1, 0)
    opt("render result-fragment", 4, "-h --help", "--help", 0, 0, 0, 0, "Show this help message and exit")
    opt("render result-fragment", 5, "-V --version", "--version", 0, 0, 0, 0, "Print version information and exit")
    subname("", "result", "result")
    cmd("result", 1, "-", 0, 2, "new\\tPrint (or write with -o) a terminal result")
    opt("result", 1, "-h --help", "--help", 0, 0, 0, 0, "Show this help message and exit")
    opt("result", 2, "-V --version", "--version", 0, 0, 0, 0, "Print version information and exit")
    subname("result", "new", "result new")
    cmd("result new", 0, "-", 0, 7, "")
    opt("result new", 1, "--exit-code", "--exit-code", 1, 1, 0, 0, "The guest command\\047s exit code (i32)")
    val("result new#1", 0, "", 0, 0)
    opt("result new", 2, "--message", "--message", 1, 1, 0, 0, "The message (default: \\047test passed\\047 for 0, else \\047test command exited with N\\047)")
    val("result new#2", 0, "", 0, 0)
    opt("result new", 3, "--finished-at", "--finished-at", 1, 1, 0, 0, "RFC 3339 timestamp, kept as given (default: now in UTC, e.g. 2026-03-25T20:00:00Z)")
    val("result new#3", 0, "", 0, 0)
    opt("result new", 4, "--details-json", "--details-json", 1, 1, 0, 0, "Any JSON value for the details field (null means no details)")
    val("result new#4", 0, "", 0, 0)
    opt("result new", 5, "-o --output", "--output", 1, 1, 0, 0, "Write to FILE instead of standard output, atomically (temporary file in the same directory, then rename)")
    val("result new#5", 0, "", 1, 0)
    opt("result new", 6, "-h --help", "--help", 0, 0, 0, 0, "Show this help message and exit")
    opt("result new", 7, "-V --version", "--version", 0, 0, 0, 0, "Print version information and exit")
    subname("", "spec", "spec")
    cmd("spec", 1, "-", 0, 2, "plan\\tPrint the Incus plan of a runtime spec")
    opt("spec", 1, "-h --help", "--help", 0, 0, 0, 0, "Show this help message and exit")
    opt("spec", 2, "-V --version", "--version", 0, 0, 0, 0, "Print version information and exit")
    subname("spec", "plan", "spec plan")
    cmd("spec plan", 0, "-", 1, 3, "")
    opt("spec plan", 1, "-h --help", "--help", 0, 0, 0, 0, "Show this help message and exit")
    opt("spec plan", 2, "-V --version", "--version", 0, 0, 0, 0, "Print version information and exit")
    opt("spec plan", 3, "--format", "--format", 1, 1, 0, 0, "Output format")
    val("spec plan#3", 1, "text\\njson\\nargv", 0, 0)
    pos("spec plan", 1, 0, 0, 0)
    val("spec plan@1", 0, "", 1, 0)
    subname("", "lifecycle", "lifecycle")
    cmd("lifecycle", 1, "-", 0, 2, "status\\tWrite the status snapshot atomically\\nevent\\tAppend one event to the event stream\\nresult\\tWrite the terminal result atomically")
    opt("lifecycle", 1, "-h --help", "--help", 0, 0, 0, 0, "Show this help message and exit")
    opt("lifecycle", 2, "-V --version", "--version", 0, 0, 0, 0, "Print version information and exit")
    subname("lifecycle", "status", "lifecycle status")
    cmd("lifecycle status", 0, "-", 0, 6, "")
    opt("lifecycle status", 1, "--message", "--message", 1, 1, 0, 0, "Required")
    val("lifecycle status#1", 0, "", 0, 0)
    opt("lifecycle status", 2, "--details-json", "--details-json", 1, 1, 0, 0, "Any JSON value for details (Python\\047s json.loads: NaN and duplicate keys pass)")
    val("lifecycle status#2", 0, "", 0, 0)
    opt("lifecycle status", 3, "--status-path", "--status-path", 1, 1, 0, 0, "Required")
    val("lifecycle status#3", 0, "", 1, 0)
    opt("lifecycle status", 4, "--state", "--state", 1, 1, 0, 0, "Required")
    val("lifecycle status#4", 1, "requested\\nprovisioning\\nbooted\\nunreachable\\nstopped\\ndestroyed\\nstarting\\nready\\nfailed\\ncompleted", 0, 0)
    opt("lifecycle status", 5, "-h --help", "--help", 0, 0, 0, 0, "Show this help message and exit")
    opt("lifecycle status", 6, "-V --version", "--version", 0, 0, 0, 0, "Print version information and exit")
    subname("lifecycle", "event", "lifecycle event")
    cmd("lifecycle event", 0, "-", 0, 7, "")
    opt("lifecycle event", 1, "--message", "--message", 1, 1, 0, 0, "Required")
    val("lifecycle event#1", 0, "", 0, 0)
    opt("lifecycle event", 2, "--details-json", "--details-json", 1, 1, 0, 0, "Any JSON value for details (Python\\047s json.loads: NaN and duplicate keys pass)")
    val("lifecycle event#2", 0, "", 0, 0)
    opt("lifecycle event", 3, "--events-path", "--events-path", 1, 1, 0, 0, "Required")
    val("lifecycle event#3", 0, "", 1, 0)
    opt("lifecycle event", 4, "--seq-path", "--seq-path", 1, 1, 0, 0, "Where the last seq is kept (default: EVENTS_PATH with .seq appended)")
    val("lifecycle event#4", 0, "", 1, 0)
    opt("lifecycle event", 5, "--kind", "--kind", 1, 1, 0, 0, "Required")
    val("lifecycle event#5", 1, "requested\\nprovisioning\\nbooted\\nunreachable\\nstopped\\ndestroyed\\nstarting\\nready\\nfailed\\ncompleted", 0, 0)
    opt("lifecycle event", 6, "-h --help", "--help", 0, 0, 0, 0, "Show this help message and exit")
    opt("lifecycle event", 7, "-V --version", "--version", 0, 0, 0, 0, "Print version information and exit")
    subname("lifecycle", "result", "lifecycle result")
    cmd("lifecycle result", 0, "-", 0, 7, "")
    opt("lifecycle result", 1, "--message", "--message", 1, 1, 0, 0, "Required")
    val("lifecycle result#1", 0, "", 0, 0)
    opt("lifecycle result", 2, "--details-json", "--details-json", 1, 1, 0, 0, "Any JSON value for details (Python\\047s json.loads: NaN and duplicate keys pass)")
    val("lifecycle result#2", 0, "", 0, 0)
    opt("lifecycle result", 3, "--result-path", "--result-path", 1, 1, 0, 0, "Required")
    val("lifecycle result#3", 0, "", 1, 0)
    opt("lifecycle result", 4, "--status", "--status", 1, 1, 0, 0, "Required. completed or failed")
    val("lifecycle result#4", 0, "", 0, 0)
    opt("lifecycle result", 5, "--exit-code", "--exit-code", 1, 1, 0, 0, "Required")
    val("lifecycle result#5", 0, "", 0, 0)
    opt("lifecycle result", 6, "-h --help", "--help", 0, 0, 0, 0, "Show this help message and exit")
    opt("lifecycle result", 7, "-V --version", "--version", 0, 0, 0, 0, "Print version information and exit")
    subname("", "request", "request")
    cmd("request", 1, "-", 0, 2, "new\\tPrint (or write with -o) a guest run request, schema version 2")
    opt("request", 1, "-h --help", "--help", 0, 0, 0, 0, "Show this help message and exit")
    opt("request", 2, "-V --version", "--version", 0, 0, 0, 0, "Print version information and exit")
    subname("request", "new", "request new")
    cmd("request new", 0, "-", 0, 6, "")
    opt("request new", 1, "--command", "--command", 1, 1, 0, 0, "The shell command the guest runs (non-empty)")
    val("request new#1", 0, "", 0, 0)
    opt("request new", 2, "--timeout-secs", "--timeout-secs", 1, 1, 0, 0, "Timeout in seconds (u64, greater than 0)")
    val("request new#2", 0, "", 0, 0)
    opt("request new", 3, "--run-as-root", "--run-as-root", 0, 0, 0, 0, "Run the command as root (else as the CI user)")
    opt("request new", 4, "-o --output", "--output", 1, 1, 0, 0, "Write to FILE instead of standard output, atomically (temporary file in the same directory, then rename)")
    val("request new#4", 0, "", 1, 0)
    opt("request new", 5, "-h --help", "--help", 0, 0, 0, 0, "Show this help message and exit")
    opt("request new", 6, "-V --version", "--version", 0, 0, 0, 0, "Print version information and exit")
    subname("", "image", "image")
    cmd("image", 1, "-", 0, 3, "build\\tBuild the role\\047s image with Nix in the flake directory\\nimport\\tImport PATH/metadata.tar.xz and PATH/disk.qcow2 into Incus under the alias, stamped with their provenance\\nbuild-import\\tUpload the flake directory\\047s git-visible files to the remote host, build the image there and import it (or, with --local or --remote NAME, build here and import here or there)\\nlist\\tList the alias\\047s images, newest first\\nrollback\\tMove the alias back to its previous image (the next older one in `list`), or to --to, in one API call\\nprune\\tDelete the alias\\047s older images beyond the newest --keep N")
    opt("image", 1, "--role", "--role", 1, 1, 0, 0, "Guest role")
    val("image#1", 1, "managed-openclaw\\npikaci-runner", 0, 0)
    opt("image", 2, "-h --help", "--help", 0, 0, 0, 0, "Show this help message and exit")
    opt("image", 3, "-V --version", "--version", 0, 0, 0, 0, "Print version information and exit")
    subname("image", "build", "image build")
    cmd("image build", 0, "-", 0, 8, "")
    opt("image build", 1, "--dry-run", "--dry-run", 0, 0, 0, 0, "Print every command that would run (list/rollback/prune: what would change), and change nothing")
    opt("image build", 2, "--format", "--format", 1, 1, 0, 0, "Text (default) or json")
    val("image build#2", 0, "", 0, 0)
    opt("image build", 3, "-q --quiet", "--quiet", 0, 0, 0, 0, "No phase lines and no tool output, except on failure")
    opt("image build", 4, "--flake", "--flake", 1, 1, 0, 0, "The flake to build (default: .)")
    val("image build#4", 0, "", 2, 0)
    opt("image build", 5, "--system", "--system", 1, 1, 0, 0, "Nix system of the package (default: x86_64-linux)")
    val("image build#5", 0, "", 0, 0)
    opt("image build", 6, "-h --help", "--help", 0, 0, 0, 0, "Show this help message and exit")
    opt("image build", 7, "-V --version", "--version", 0, 0, 0, 0, "Print version information and exit")
    opt("image build", 8, "--role", "--role", 1, 1, 0, 0, "Guest role")
    val("image build#8", 1, "managed-openclaw\\npikaci-runner", 0, 0)
    subname("image", "import", "image import")
    cmd("image import", 0, "-", 0, 20, "")
    opt("image import", 1, "--dry-run", "--dry-run", 0, 0, 0, 0, "Print every command that would run (list/rollback/prune: what would change), and change nothing")
    opt("image import", 2, "--format", "--format", 1, 1, 0, 0, "Text (default) or json")
    val("image import#2", 0, "", 0, 0)
    opt("image import", 3, "-q --quiet", "--quiet", 0, 0, 0, 0, "No phase lines and no tool output, except on failure")
    opt("image import", 4, "--remote-host", "--remote-host", 1, 1, 0, 0, "The ssh destination that runs incus (default: pika-build)")
    val("image import#4", 0, "", 0, 0)
    opt("image import", 5, "--remote", "--remote", 1, 1, 0, 0, "An Incus remote (`incus remote list`), reached over the Incus API from this machine (no ssh)")
    val("image import#5", 0, "", 0, 0)
    opt("image import", 6, "--project", "--project", 1, 1, 0, 0, "Incus project (default: pika-managed-agents)")
    val("image import#6", 0, "", 0, 0)
    opt("image import", 7, "--alias", "--alias", 1, 1, 0, 0, "Image alias (default: the role\\047s)")
    val("image import#7", 0, "", 0, 0)
    opt("image import", 8, "--local", "--local", 0, 0, 0, 0, "Run incus (and nix) on this machine, no ssh/scp")
    opt("image import", 9, "--incus-bin", "--incus-bin", 1, 1, 0, 0, "The Incus client (default: $PIKA_INCUS_BIN or incus; LXD\\047s is lxc)")
    val("image import#9", 0, "", 0, 0)
    opt("image import", 10, "--sudo", "--sudo", 1, 1, 0, 0, "When to run incus with sudo -n")
    val("image import#10", 0, "", 0, 0)
    opt("image import", 11, "--ssh-option", "--ssh-option", 1, 1, 1, 0, "An ssh/scp option (-o KEY=VALUE), before pika\\047s own so it wins")
    val("image import#11", 0, "", 0, 0)
    opt("image import", 12, "--ssh-config", "--ssh-config", 1, 1, 0, 0, "An ssh config file for ssh and scp (-F)")
    val("image import#12", 0, "", 1, 0)
    opt("image import", 13, "--lock-timeout", "--lock-timeout", 1, 1, 0, 0, "Wait at most this long for another import of the alias (default: 300)")
    val("image import#13", 0, "", 0, 0)
    opt("image import", 14, "--keep", "--keep", 1, 1, 0, 0, "Older images of the alias to keep after the alias moved (default: 2; 0 deletes them all)")
    val("image import#14", 0, "", 0, 0)
    opt("image import", 15, "--keep-old", "--keep-old", 0, 0, 0, 0, "Delete no older image at all")
    opt("image import", 16, "--record-out", "--record-out", 1, 1, 0, 0, "Write the image record (CONTRACT.md §6) of the imported image to FILE, atomically")
    val("image import#16", 0, "", 1, 0)
    opt("image import", 17, "--artifact", "--artifact", 1, 1, 0, 0, "Directory with metadata.tar.xz and disk.qcow2 (default: ./result)")
    val("image import#17", 0, "", 1, 0)
    opt("image import", 18, "-h --help", "--help", 0, 0, 0, 0, "Show this help message and exit")
    opt("image import", 19, "-V --version", "--version", 0, 0, 0, 0, "Print version information and exit")
    opt("image import", 20, "--role", "--role", 1, 1, 0, 0, "Guest role")
    val("image import#20", 1, "managed-openclaw\\npikaci-runner", 0, 0)
    subname("image", "build-import", "image build-import")
    cmd("image build-import", 0, "-", 0, 21, "")
    opt("image build-import", 1, "--dry-run", "--dry-run", 0, 0, 0, 0, "Print every command that would run (list/rollback/prune: what would change), and change nothing")
    opt("image build-import", 2, "--format", "--format", 1, 1, 0, 0, "Text (default) or json")
    val("image build-import#2", 0, "", 0, 0)
    opt("image build-import", 3, "-q --quiet", "--quiet", 0, 0, 0, 0, "No phase lines and no tool output, except on failure")
    opt("image build-import", 4, "--remote-host", "--remote-host", 1, 1, 0, 0, "The ssh destination that runs incus (default: pika-build)")
    val("image build-import#4", 0, "", 0, 0)
    opt("image build-import", 5, "--remote", "--remote", 1, 1, 0, 0, "An Incus remote (`incus remote list`), reached over the Incus API from this machine (no ssh)")
    val("image build-import#5", 0, "", 0, 0)
    opt("image build-import", 6, "--project", "--project", 1, 1, 0, 0, "Incus project (default: pika-managed-agents)")
    val("image build-import#6", 0, "", 0, 0)
    opt("image build-import", 7, "--alias", "--alias", 1, 1, 0, 0, "Image alias (default: the role\\047s)")
    val("image build-import#7", 0, "", 0, 0)
    opt("image build-import", 8, "--local", "--local", 0, 0, 0, 0, "Run incus (and nix) on this machine, no ssh/scp")
    opt("image build-import", 9, "--incus-bin", "--incus-bin", 1, 1, 0, 0, "The Incus client (default: $PIKA_INCUS_BIN or incus; LXD\\047s is lxc)")
    val("image build-import#9", 0, "", 0, 0)
    opt("image build-import", 10, "--sudo", "--sudo", 1, 1, 0, 0, "When to run incus with sudo -n")
    val("image build-import#10", 0, "", 0, 0)
    opt("image build-import", 11, "--ssh-option", "--ssh-option", 1, 1, 1, 0, "An ssh/scp option (-o KEY=VALUE), before pika\\047s own so it wins")
    val("image build-import#11", 0, "", 0, 0)
    opt("image build-import", 12, "--ssh-config", "--ssh-config", 1, 1, 0, 0, "An ssh config file for ssh and scp (-F)")
    val("image build-import#12", 0, "", 1, 0)
    opt("image build-import", 13, "--lock-timeout", "--lock-timeout", 1, 1, 0, 0, "Wait at most this long for another import of the alias (default: 300)")
    val("image build-import#13", 0, "", 0, 0)
    opt("image build-import", 14, "--keep", "--keep", 1, 1, 0, 0, "Older images of the alias to keep after the alias moved (default: 2; 0 deletes them all)")
    val("image build-import#14", 0, "", 0, 0)
    opt("image build-import", 15, "--keep-old", "--keep-old", 0, 0, 0, 0, "Delete no older image at all")
    opt("image build-import", 16, "--record-out", "--record-out", 1, 1, 0, 0, "Write the image record (CONTRACT.md §6) of the imported image to FILE, atomically")
    val("image build-import#16", 0, "", 1, 0)
    opt("image build-import", 17, "--flake", "--flake", 1, 1, 0, 0, "The flake to build (default: .)")
    val("image build-import#17", 0, "", 2, 0)
    opt("image build-import", 18, "--system", "--system", 1, 1, 0, 0, "Nix system of the package (default: x86_64-linux)")
    val("image build-import#18", 0, "", 0, 0)
    opt("image build-import", 19, "-h --help", "--help", 0, 0, 0, 0, "Show this help message and exit")
    opt("image build-import", 20, "-V --version", "--version", 0, 0, 0, 0, "Print version information and exit")
    opt("image build-import", 21, "--role", "--role", 1, 1, 0, 0, "Guest role")
    val("image build-import#21", 1, "managed-openclaw\\npikaci-runner", 0, 0)
    subname("image", "list", "image list")
    cmd("image list", 0, "-", 0, 16, "")
    opt("image list", 1, "--dry-run", "--dry-run", 0, 0, 0, 0, "Print every command that would run (list/rollback/prune: what would change), and change nothing")
    opt("image list", 2, "--format", "--format", 1, 1, 0, 0, "Text (default) or json")
    val("image list#2", 0, "", 0, 0)
    opt("image list", 3, "-q --quiet", "--quiet", 0, 0, 0, 0, "No phase lines and no tool output, except on failure")
    opt("image list", 4, "--remote-host", "--remote-host", 1, 1, 0, 0, "The ssh destination that runs incus (default: pika-build)")
    val("image list#4", 0, "", 0, 0)
    opt("image list", 5, "--remote", "--remote", 1, 1, 0, 0, "An Incus remote (`incus remote list`), reached over the Incus API from this machine (no ssh)")
    val("image list#5", 0, "", 0, 0)
    opt("image list", 6, "--project", "--project", 1, 1, 0, 0, "Incus project (default: pika-managed-agents)")
    val("image list#6", 0, "", 0, 0)
    opt("image list", 7, "--alias", "--alias", 1, 1, 0, 0, "Image alias (default: the role\\047s)")
    val("image list#7", 0, "", 0, 0)
    opt("image list", 8, "--local", "--local", 0, 0, 0, 0, "Run incus (and nix) on this machine, no ssh/scp")
    opt("image list", 9, "--incus-bin", "--incus-bin", 1, 1, 0, 0, "The Incus client (default: $PIKA_INCUS_BIN or incus; LXD\\047s is lxc)")
    val("image list#9", 0, "", 0, 0)
    opt("image list", 10, "--sudo", "--sudo", 1, 1, 0, 0, "When to run incus with sudo -n")
    val("image list#10", 0, "", 0, 0)
    opt("image list", 11, "--ssh-option", "--ssh-option", 1, 1, 1, 0, "An ssh/scp option (-o KEY=VALUE), before pika\\047s own so it wins")
    val("image list#11", 0, "", 0, 0)
    opt("image list", 12, "--ssh-config", "--ssh-config", 1, 1, 0, 0, "An ssh config file for ssh and scp (-F)")
    val("image list#12", 0, "", 1, 0)
    opt("image list", 13, "--lock-timeout", "--lock-timeout", 1, 1, 0, 0, "Wait at most this long for another import of the alias (default: 300)")
    val("image list#13", 0, "", 0, 0)
    opt("image list", 14, "-h --help", "--help", 0, 0, 0, 0, "Show this help message and exit")
    opt("image list", 15, "-V --version", "--version", 0, 0, 0, 0, "Print version information and exit")
    opt("image list", 16, "--role", "--role", 1, 1, 0, 0, "Guest role")
    val("image list#16", 1, "managed-openclaw\\npikaci-runner", 0, 0)
    subname("image", "rollback", "image rollback")
    cmd("image rollback", 0, "-", 0, 17, "")
    opt("image rollback", 1, "--dry-run", "--dry-run", 0, 0, 0, 0, "Print every command that would run (list/rollback/prune: what would change), and change nothing")
    opt("image rollback", 2, "--format", "--format", 1, 1, 0, 0, "Text (default) or json")
    val("image rollback#2", 0, "", 0, 0)
    opt("image rollback", 3, "-q --quiet", "--quiet", 0, 0, 0, 0, "No phase lines and no tool output, except on failure")
    opt("image rollback", 4, "--remote-host", "--remote-host", 1, 1, 0, 0, "The ssh destination that runs incus (default: pika-build)")
    val("image rollback#4", 0, "", 0, 0)
    opt("image rollback", 5, "--remote", "--remote", 1, 1, 0, 0, "An Incus remote (`incus remote list`), reached over the Incus API from this machine (no ssh)")
    val("image rollback#5", 0, "", 0, 0)
    opt("image rollback", 6, "--project", "--project", 1, 1, 0, 0, "Incus project (default: pika-managed-agents)")
    val("image rollback#6", 0, "", 0, 0)
    opt("image rollback", 7, "--alias", "--alias", 1, 1, 0, 0, "Image alias (default: the role\\047s)")
    val("image rollback#7", 0, "", 0, 0)
    opt("image rollback", 8, "--local", "--local", 0, 0, 0, 0, "Run incus (and nix) on this machine, no ssh/scp")
    opt("image rollback", 9, "--incus-bin", "--incus-bin", 1, 1, 0, 0, "The Incus client (default: $PIKA_INCUS_BIN or incus; LXD\\047s is lxc)")
    val("image rollback#9", 0, "", 0, 0)
    opt("image rollback", 10, "--sudo", "--sudo", 1, 1, 0, 0, "When to run incus with sudo -n")
    val("image rollback#10", 0, "", 0, 0)
    opt("image rollback", 11, "--ssh-option", "--ssh-option", 1, 1, 1, 0, "An ssh/scp option (-o KEY=VALUE), before pika\\047s own so it wins")
    val("image rollback#11", 0, "", 0, 0)
    opt("image rollback", 12, "--ssh-config", "--ssh-config", 1, 1, 0, 0, "An ssh config file for ssh and scp (-F)")
    val("image rollback#12", 0, "", 1, 0)
    opt("image rollback", 13, "--lock-timeout", "--lock-timeout", 1, 1, 0, 0, "Wait at most this long for another import of the alias (default: 300)")
    val("image rollback#13", 0, "", 0, 0)
    opt("image rollback", 14, "--to", "--to", 1, 1, 0, 0, "The image to move the alias to (64 hex digits)")
    val("image rollback#14", 0, "", 0, 0)
    opt("image rollback", 15, "-h --help", "--help", 0, 0, 0, 0, "Show this help message and exit")
    opt("image rollback", 16, "-V --version", "--version", 0, 0, 0, 0, "Print version information and exit")
    opt("image rollback", 17, "--role", "--role", 1, 1, 0, 0, "Guest role")
    val("image rollback#17", 1, "managed-openclaw\\npikaci-runner", 0, 0)
    subname("image", "prune", "image prune")
    cmd("image prune", 0, "-", 0, 17, "")
    opt("image prune", 1, "--dry-run", "--dry-run", 0, 0, 0, 0, "Print every command that would run (list/rollback/prune: what would change), and change nothing")
    opt("image prune", 2, "--format", "--format", 1, 1, 0, 0, "Text (default) or json")
    val("image prune#2", 0, "", 0, 0)
    opt("image prune", 3, "-q --quiet", "--quiet", 0, 0, 0, 0, "No phase lines and no tool output, except on failure")
    opt("image prune", 4, "--remote-host", "--remote-host", 1, 1, 0, 0, "The ssh destination that runs incus (default: pika-build)")
    val("image prune#4", 0, "", 0, 0)
    opt("image prune", 5, "--remote", "--remote", 1, 1, 0, 0, "An Incus remote (`incus remote list`), reached over the Incus API from this machine (no ssh)")
    val("image prune#5", 0, "", 0, 0)
    opt("image prune", 6, "--project", "--project", 1, 1, 0, 0, "Incus project (default: pika-managed-agents)")
    val("image prune#6", 0, "", 0, 0)
    opt("image prune", 7, "--alias", "--alias", 1, 1, 0, 0, "Image alias (default: the role\\047s)")
    val("image prune#7", 0, "", 0, 0)
    opt("image prune", 8, "--local", "--local", 0, 0, 0, 0, "Run incus (and nix) on this machine, no ssh/scp")
    opt("image prune", 9, "--incus-bin", "--incus-bin", 1, 1, 0, 0, "The Incus client (default: $PIKA_INCUS_BIN or incus; LXD\\047s is lxc)")
    val("image prune#9", 0, "", 0, 0)
    opt("image prune", 10, "--sudo", "--sudo", 1, 1, 0, 0, "When to run incus with sudo -n")
    val("image prune#10", 0, "", 0, 0)
    opt("image prune", 11, "--ssh-option", "--ssh-option", 1, 1, 1, 0, "An ssh/scp option (-o KEY=VALUE), before pika\\047s own so it wins")
    val("image prune#11", 0, "", 0, 0)
    opt("image prune", 12, "--ssh-config", "--ssh-config", 1, 1, 0, 0, "An ssh config file for ssh and scp (-F)")
    val("image prune#12", 0, "", 1, 0)
    opt("image prune", 13, "--lock-timeout", "--lock-timeout", 1, 1, 0, 0, "Wait at most this long for another import of the alias (default: 300)")
    val("image prune#13", 0, "", 0, 0)
    opt("image prune", 14, "--keep", "--keep", 1, 1, 0, 0, "Older images to keep (default: 2)")
    val("image prune#14", 0, "", 0, 0)
    opt("image prune", 15, "-h --help", "--help", 0, 0, 0, 0, "Show this help message and exit")
    opt("image prune", 16, "-V --version", "--version", 0, 0, 0, 0, "Print version information and exit")
    opt("image prune", 17, "--role", "--role", 1, 1, 0, 0, "Guest role")
    val("image prune#17", 1, "managed-openclaw\\npikaci-runner", 0, 0)
    subname("", "roles", "roles")
    cmd("roles", 0, "-", 1, 3, "")
    opt("roles", 1, "-h --help", "--help", 0, 0, 0, 0, "Show this help message and exit")
    opt("roles", 2, "-V --version", "--version", 0, 0, 0, 0, "Print version information and exit")
    opt("roles", 3, "--format", "--format", 1, 1, 0, 0, "Output format")
    val("roles#3", 1, "text\\njson", 0, 0)
    pos("roles", 1, 0, 0, 0)
    val("roles@1", 1, "managed-openclaw\\npikaci-runner", 0, 0)
    subname("", "schema", "schema")
    cmd("schema", 0, "-", 1, 3, "")
    opt("schema", 1, "-o --output", "--output", 1, 1, 0, 0, "Write to FILE instead of standard output, atomically (temporary file in the same directory, then rename)")
    val("schema#1", 0, "", 1, 0)
    opt("schema", 2, "-h --help", "--help", 0, 0, 0, 0, "Show this help message and exit")
    opt("schema", 3, "-V --version", "--version", 0, 0, 0, 0, "Print version information and exit")
    pos("schema", 1, 0, 0, 0)
    val("schema@1", 1, "result\\nstatus\\nevents\\nrequest\\nspec\\nimage-record\\nexecution-record", 0, 0)
    subname("", "image-record", "image-record")
    cmd("image-record", 1, "-", 0, 2, "inspect\\tCheck image records and show what they say\\nfrom-incus\\tPrint the image record the CI host would store for a role\\047s image")
    opt("image-record", 1, "-h --help", "--help", 0, 0, 0, 0, "Show this help message and exit")
    opt("image-record", 2, "-V --version", "--version", 0, 0, 0, 0, "Print version information and exit")
    subname("image-record", "inspect", "image-record inspect")
    cmd("image-record inspect", 0, "-", 1, 12, "")
    opt("image-record inspect", 1, "-r --recursive", "--recursive", 0, 0, 0, 0, "Also check the directories inside a directory, at any depth (symbolic links to directories are not followed)")
    opt("image-record inspect", 2, "--strict", "--strict", 0, 0, 0, 0, "Treat warnings (lint) as errors")
    opt("image-record inspect", 3, "--disable-rule", "--disable-rule", 1, 1, 1, 0, "Drop the warnings of this lint rule (repeatable; `lint`: every lint rule)")
    val("image-record inspect#3", 1, "unknown-field\\nschema-version\\nstatus-exit-code\\ntimestamp-format\\nseq-order\\npositional-struct\\nenum-map-form\\nignored-value\\nlegacy-field\\nlegacy-entry-command-lost\\nrecorded-role-custom-alias\\nrecorded-role-mismatch\\nfingerprint-format\\ntoo-many-findings\\nlint", 0, 0)
    opt("image-record inspect", 4, "--enable-rule", "--enable-rule", 1, 1, 1, 0, "Keep the warnings of this lint rule even when --disable-rule lint is given (repeatable)")
    val("image-record inspect#4", 1, "unknown-field\\nschema-version\\nstatus-exit-code\\ntimestamp-format\\nseq-order\\npositional-struct\\nenum-map-form\\nignored-value\\nlegacy-field\\nlegacy-entry-command-lost\\nrecorded-role-custom-alias\\nrecorded-role-mismatch\\nfingerprint-format\\ntoo-many-findings\\nlint", 0, 0)
    opt("image-record inspect", 5, "--list-rules", "--list-rules", 0, 0, 0, 0, "Print every rule id with its severity and what it catches, then exit (--format json: a JSON array)")
    opt("image-record inspect", 6, "-q --quiet", "--quiet", 0, 0, 0, 0, "Print only errors")
    opt("image-record inspect", 7, "--max-bytes", "--max-bytes", 1, 1, 0, 0, "Most bytes read for one document or one event line, with an optional unit k, M or G (default: 16M, at most 1G)")
    val("image-record inspect#7", 0, "", 0, 0)
    opt("image-record inspect", 8, "--kind", "--kind", 1, 1, 0, 0, "Check every record as auto, image-record, execution-record (default: auto: an object with backend, phases or incus_image is an execution record, anything else an image record)")
    val("image-record inspect#8", 1, "auto\\nimage-record\\nexecution-record", 0, 0)
    opt("image-record inspect", 9, "--lines", "--lines", 0, 0, 0, 0, "Read every FILE as JSON Lines")
    opt("image-record inspect", 10, "-h --help", "--help", 0, 0, 0, 0, "Show this help message and exit")
    opt("image-record inspect", 11, "-V --version", "--version", 0, 0, 0, 0, "Print version information and exit")
    opt("image-record inspect", 12, "--format", "--format", 1, 1, 0, 0, "Output format")
    val("image-record inspect#12", 1, "text\\njson\\ngithub\\njunit\\nsarif", 0, 0)
    pos("image-record inspect", 1, 0, 2147483647, 0)
    val("image-record inspect@1", 0, "", 1, 0)
    subname("image-record", "from-incus", "image-record from-incus")
    cmd("image-record from-incus", 0, "-", 0, 10, "")
    opt("image-record from-incus", 1, "--role", "--role", 1, 1, 0, 0, "Guest role of the image")
    val("image-record from-incus#1", 1, "managed-openclaw\\npikaci-runner", 0, 0)
    opt("image-record from-incus", 2, "--project", "--project", 1, 1, 0, 0, "Incus project (default: pika-managed-agents)")
    val("image-record from-incus#2", 0, "", 0, 0)
    opt("image-record from-incus", 3, "--alias", "--alias", 1, 1, 0, 0, "Image alias (default: the role\\047s default alias)")
    val("image-record from-incus#3", 0, "", 0, 0)
    opt("image-record from-incus", 4, "--local", "--local", 0, 0, 0, 0, "Run incus on this machine")
    opt("image-record from-incus", 5, "--remote-host", "--remote-host", 1, 1, 0, 0, "Run incus on HOST over ssh (default: pika-build)")
    val("image-record from-incus#5", 0, "", 0, 0)
    opt("image-record from-incus", 6, "--incus-bin", "--incus-bin", 1, 1, 0, 0, "The Incus client (default: $PIKA_INCUS_BIN or incus; LXD\\047s is lxc)")
    val("image-record from-incus#6", 0, "", 0, 0)
    opt("image-record from-incus", 7, "--sudo", "--sudo", 1, 1, 0, 0, "auto (sudo -n when the user running incus is not root), always or never (default: auto)")
    val("image-record from-incus#7", 0, "", 0, 0)
    opt("image-record from-incus", 8, "-o --output", "--output", 1, 1, 0, 0, "Write to FILE instead of standard output, atomically (temporary file in the same directory, then rename)")
    val("image-record from-incus#8", 0, "", 1, 0)
    opt("image-record from-incus", 9, "-h --help", "--help", 0, 0, 0, 0, "Show this help message and exit")
    opt("image-record from-incus", 10, "-V --version", "--version", 0, 0, 0, 0, "Print version information and exit")
    subname("", "instance", "instance")
    cmd("instance", 1, "-", 0, 2, "inspect\\tRead one instance as the hosts do\\nlist\\tThe fleet view")
    opt("instance", 1, "-h --help", "--help", 0, 0, 0, 0, "Show this help message and exit")
    opt("instance", 2, "-V --version", "--version", 0, 0, 0, 0, "Print version information and exit")
    subname("instance", "inspect", "instance inspect")
    cmd("instance inspect", 0, "-", 1, 12, "")
    opt("instance inspect", 1, "--project", "--project", 1, 1, 0, 0, "Incus project (default: pika-managed-agents)")
    val("instance inspect#1", 0, "", 0, 0)
    opt("instance inspect", 2, "--remote", "--remote", 1, 1, 0, 0, "An Incus remote (`incus remote list`), reached over the Incus API from this machine (no ssh)")
    val("instance inspect#2", 0, "", 0, 0)
    opt("instance inspect", 3, "--remote-host", "--remote-host", 1, 1, 0, 0, "The ssh destination that runs incus (default: pika-build)")
    val("instance inspect#3", 0, "", 0, 0)
    opt("instance inspect", 4, "--local", "--local", 0, 0, 0, 0, "Run incus on this machine, no ssh")
    opt("instance inspect", 5, "--incus-bin", "--incus-bin", 1, 1, 0, 0, "The Incus client (default: $PIKA_INCUS_BIN or incus; LXD\\047s is lxc)")
    val("instance inspect#5", 0, "", 0, 0)
    opt("instance inspect", 6, "--sudo", "--sudo", 1, 1, 0, 0, "auto (sudo -n when the user running incus is not root; never with --remote), always or never (default: auto)")
    val("instance inspect#6", 1, "auto\\nalways\\nnever", 0, 0)
    opt("instance inspect", 7, "--ssh-option", "--ssh-option", 1, 1, 1, 0, "An ssh option (-o KEY=VALUE), before pika\\047s own so it wins (repeatable)")
    val("instance inspect#7", 0, "", 0, 0)
    opt("instance inspect", 8, "--ssh-config", "--ssh-config", 1, 1, 0, 0, "An ssh config file (-F)")
    val("instance inspect#8", 0, "", 1, 0)
    opt("instance inspect", 9, "--role", "--role", 1, 1, 0, 0, "Judge as this guest role instead of the instance\\047s user.pika.guest_role")
    val("instance inspect#9", 1, "managed-openclaw\\npikaci-runner", 0, 0)
    opt("instance inspect", 10, "-h --help", "--help", 0, 0, 0, 0, "Show this help message and exit")
    opt("instance inspect", 11, "-V --version", "--version", 0, 0, 0, 0, "Print version information and exit")
    opt("instance inspect", 12, "--format", "--format", 1, 1, 0, 0, "Output format")
    val("instance inspect#12", 1, "text\\njson", 0, 0)
    pos("instance inspect", 1, 0, 0, 0)
    val("instance inspect@1", 0, "", 0, 0)
    subname("instance", "list", "instance list")
    cmd("instance list", 0, "-", 0, 13, "")
    opt("instance list", 1, "--project", "--project", 1, 1, 0, 0, "Incus project (default: pika-managed-agents)")
    val("instance list#1", 0, "", 0, 0)
    opt("instance list", 2, "--remote", "--remote", 1, 1, 0, 0, "An Incus remote (`incus remote list`), reached over the Incus API from this machine (no ssh)")
    val("instance list#2", 0, "", 0, 0)
    opt("instance list", 3, "--remote-host", "--remote-host", 1, 1, 0, 0, "The ssh destination that runs incus (default: pika-build)")
    val("instance list#3", 0, "", 0, 0)
    opt("instance list", 4, "--local", "--local", 0, 0, 0, 0, "Run incus on this machine, no ssh")
    opt("instance list", 5, "--incus-bin", "--incus-bin", 1, 1, 0, 0, "The Incus client (default: $PIKA_INCUS_BIN or incus; LXD\\047s is lxc)")
    val("instance list#5", 0, "", 0, 0)
    opt("instance list", 6, "--sudo", "--sudo", 1, 1, 0, 0, "auto (sudo -n when the user running incus is not root; never with --remote), always or never (default: auto)")
    val("instance list#6", 1, "auto\\nalways\\nnever", 0, 0)
    opt("instance list", 7, "--ssh-option", "--ssh-option", 1, 1, 1, 0, "An ssh option (-o KEY=VALUE), before pika\\047s own so it wins (repeatable)")
    val("instance list#7", 0, "", 0, 0)
    opt("instance list", 8, "--ssh-config", "--ssh-config", 1, 1, 0, 0, "An ssh config file (-F)")
    val("instance list#8", 0, "", 1, 0)
    opt("instance list", 9, "--role", "--role", 1, 1, 0, 0, "Judge as this guest role instead of the instance\\047s user.pika.guest_role")
    val("instance list#9", 1, "managed-openclaw\\npikaci-runner", 0, 0)
    opt("instance list", 10, "--jobs", "--jobs", 1, 1, 0, 0, "Instances read at once (default: 8)")
    val("instance list#10", 0, "", 0, 0)
    opt("instance list", 11, "-h --help", "--help", 0, 0, 0, 0, "Show this help message and exit")
    opt("instance list", 12, "-V --version", "--version", 0, 0, 0, 0, "Print version information and exit")
    opt("instance list", 13, "--format", "--format", 1, 1, 0, 0, "Output format")
    val("instance list#13", 1, "text\\njson", 0, 0)
    subname("", "completion", "completion")
    cmd("completion", 0, "-", 2, 2, "")
    opt("completion", 1, "-h --help", "--help", 0, 0, 0, 0, "Show this help message and exit")
    opt("completion", 2, "-V --version", "--version", 0, 0, 0, 0, "Print version information and exit")
    pos("completion", 1, 0, 0, 0)
    val("completion@1", 1, "bash\\nzsh\\nfish", 0, 0)
    pos("completion", 2, 1, 1, 0)
    val("completion@2", 1, "pika\\nincus-role-image\\nincus-dev-image\\npikaci-incus-image", 0, 0)
    subname("", "shell", "shell")
    cmd("shell", 0, "-", 0, 2, "")
    opt("shell", 1, "-h --help", "--help", 0, 0, 0, 0, "Show this help message and exit")
    opt("shell", 2, "-V --version", "--version", 0, 0, 0, 0, "Print version information and exit")
    subname("", "__complete", "__complete")
    cmd("__complete", 0, "-", 1, 0, "")
    pos("__complete", 1, 0, 2147483647, 0)
    val("__complete@1", 0, "", 0, 0)
}
'
function __pika_complete
    set -l tokens (commandline -opc)
    set -l prog (string replace -r '^~/' "$HOME/" -- $tokens[1])
    set -e tokens[1]
    set -l cur (commandline -ct)
    set -l out (awk $__pika_awk $tokens "$cur" 2>/dev/null)
    if test (count $out) -eq 0 -o "$out" = :jvm
        set out ("$prog" __complete -- $tokens "$cur" 2>/dev/null)
        or return
    end
    set -l directive (string replace -r '^:' '' -- $out[-1])
    string match -qr '^[0-9]+$' -- $directive
    or return
    set -e out[-1]
    if test (count $out) -gt 0
        printf '%s\n' $out
    end
    if test (math "$directive % 2") -eq 1
        __fish_complete_path "$cur"
    else if test (math "floor($directive / 2) % 2") -eq 1
        __fish_complete_directories "$cur"
    end
end
complete -c pika -f -a '(__pika_complete)'
