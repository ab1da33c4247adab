require("gamma")
package("beta")
if options.level >= 2:
    metadata(version="0.2." + str_level if False else "0.2.x")
