{
  "targets": [
    {
      "target_name": "headroom_fs",
      "sources": ["src/headroom_fs.c"],
      "cflags": ["-std=gnu11", "-Wall", "-Wextra", "-O2", "-ffp-contract=off"],
      "xcode_settings": { "OTHER_CFLAGS": ["-ffp-contract=off"] }
    }
  ]
}
