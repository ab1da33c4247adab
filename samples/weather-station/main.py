"""The weather station: read the sensor a few times, report the average, raise alarms."""

import config
from drivers.bme280 import BME280, SensorError

try:
    from machine import I2C, Pin

    bus = I2C(config.I2C_BUS, sda=Pin(config.I2C_SDA), scl=Pin(config.I2C_SCL), freq=config.I2C_FREQ)
except ImportError:
    from sim import SimulatedI2C

    bus = SimulatedI2C([(508000, 340200, 35200), (508400, 340100, 35600), (509000, 339900, 36100)])


def sleep_ms(ms):
    try:
        import time

        time.sleep_ms(ms)
    except (ImportError, AttributeError):
        pass


def average(readings):
    n = len(readings)
    return tuple(sum(r[i] for r in readings) // n for i in range(3))


def alarms(reading):
    values = dict(zip(("temperature", "pressure", "humidity"), reading))
    raised = []
    for name, (quantity, op, limit) in sorted(config.ALARMS.items()):
        v = values[quantity]
        if (op == ">" and v > limit) or (op == "<" and v < limit):
            raised.append(name)
    return raised


def report(reading):
    t, p, h = reading
    return "%s: %d.%02d C, %d.%02d hPa, %d.%03d %%RH" % (
        config.STATION_NAME, t // 100, t % 100, p // 100, p % 100, h // 1000, h % 1000)


def run():
    try:
        sensor = BME280(bus, config.BME280_ADDR)
    except SensorError as e:
        print("sensor:", e)
        return
    readings = []
    for _ in range(config.SAMPLES):
        readings.append(sensor.read())
        sleep_ms(config.INTERVAL_MS)
    avg = average(readings)
    print(report(avg))
    print("alarms:", ", ".join(alarms(avg)) or "none")


run()
