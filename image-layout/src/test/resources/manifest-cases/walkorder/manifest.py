freeze("w")
package("w")
freeze_as_str("w/sub")
