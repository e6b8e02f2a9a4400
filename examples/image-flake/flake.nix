{
  # Test flake for incus-role-image (docs/incus-role-image.md, "Tests"): builds a tiny but real Incus/LXD
  # virtual-machine image offline, from the host's own tools (sh, tar, xz, qemu-img), no nixpkgs needed.
  # The image's bits depend on seed.txt, so a test changes seed.txt to get a new fingerprint and keeps it
  # to get an identical one; an optional delay.txt makes the build sleep that many seconds first.
  # Run with: nix build .#packages.x86_64-linux.pikaci-runner-incus-image
  description = "pika incus-role-image test images";

  outputs = { self }:
    let
      system = "x86_64-linux";
      seed = builtins.replaceStrings [ "\n" ] [ "" ] (builtins.readFile ./seed.txt);
      # optional: seconds the build sleeps first (tests that interrupt a running build)
      delay = if builtins.pathExists ./delay.txt
        then builtins.replaceStrings [ "\n" ] [ "" ] (builtins.readFile ./delay.txt) else "0";
      image = role: derivation {
        name = "${role}-incus-image";
        inherit system seed role delay;
        builder = "/bin/sh";
        args = [ "-c" ''
          set -eu
          export PATH=/usr/bin:/bin
          sleep "$delay"
          mkdir -p "$out" meta
          printf 'architecture: x86_64\ncreation_date: 1700000000\nproperties:\n  description: "pika test image %s %s"\n  os: pika-test\n  release: "%s"\n' \
            "$role" "$seed" "$seed" > meta/metadata.yaml
          tar --sort=name --mtime=@1700000000 --owner=0 --group=0 --numeric-owner -C meta -cf - metadata.yaml \
            | xz -T1 -c > "$out/metadata.tar.xz"
          qemu-img create -q -f qcow2 "$out/disk.qcow2" 16M
        '' ];
      };
    in {
      packages.${system} = {
        pikaci-runner-incus-image = image "pikaci-runner";
        managed-openclaw-incus-image = image "managed-openclaw";
      };
    };
}
