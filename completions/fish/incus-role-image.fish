# fish completion for incus-role-image.
# Generated from pika's command model by `pika completion fish incus-role-image`; do not edit.
# Regenerate with scripts/regen-docs.sh. Candidates come from `pika image __complete` at TAB time.
# incus-role-image ARGS runs `pika image ARGS`; completion asks the pika next to incus-role-image, else the one on PATH.
function __incus_role_image_complete
    set -l tokens (commandline -opc)
    set -l prog (string replace -r '^~/' "$HOME/" -- $tokens[1])
    set -e tokens[1]
    set -l cur (commandline -ct)
    set -l pika pika
    set -l dir (string replace -r '/[^/]*$' '' -- (command -s $prog))
    if test -n "$dir" -a -x "$dir/pika"
        set pika $dir/pika
    end
    set -l out ("$pika" __complete -- image $tokens "$cur" 2>/dev/null)
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
complete -c incus-role-image -f -a '(__incus_role_image_complete)'
