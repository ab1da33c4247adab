metadata(description="A log that keeps the last N lines.", version="1.0.1")

require("strfmt")
package("ringlog")
