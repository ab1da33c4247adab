# Frozen as source text: run with `import selftest` on the device.
import pins

print("selftest:", pins.describe())
