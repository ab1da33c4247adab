"""Settings for the weather station: bus wiring, sampling, and alarm thresholds."""

from micropython import const

I2C_BUS = const(0)
I2C_SDA = const(21)
I2C_SCL = const(22)
I2C_FREQ = const(400_000)

BME280_ADDR = const(0x76)

# how many readings make one report, and how far apart they are
SAMPLES = const(4)
INTERVAL_MS = const(20)

# alarms, in the driver's units: hundredths of a degree, pascals, thousandths of a percent
ALARMS = {
    "too_hot": ("temperature", ">", 3000),
    "freezing": ("temperature", "<", 0),
    "storm": ("pressure", "<", 98_000),
    "damp": ("humidity", ">", 85_000),
}

STATION_NAME = "roof"
