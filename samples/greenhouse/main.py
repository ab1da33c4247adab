# Runs a simulated day and logs what the controller does.
import pins
from app.control import Controller
from ringlog import Log


def run():
    log = Log(8)
    c = Controller()
    for hour, tenths in ((5, 150), (9, 200), (13, 260), (20, 195), (23, 150)):
        heater, vent = c.step(hour, tenths)
        log.add("%02d:00 %d.%d C heater %s vent %d%%" % (hour, tenths // 10, tenths % 10, "on" if heater else "off", vent))
    for line in log.lines():
        print(line)
    print(pins.describe())


if __name__ == "__main__":
    run()
