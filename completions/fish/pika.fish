# fish completion for pika.
# Generated from pika's command model by `pika completion fish pika`; do not edit.
# Regenerate with scripts/regen-docs.sh. Candidates come from `pika __complete` at TAB time.
function __pika_complete
    set -l tokens (commandline -opc)
    set -l prog (string replace -r '^~/' "$HOME/" -- $tokens[1])
    set -e tokens[1]
    set -l cur (commandline -ct)
    set -l out ("$prog" __complete -- $tokens "$cur" 2>/dev/null)
    or return
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
