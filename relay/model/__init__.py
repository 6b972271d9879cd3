"""The message model and its readers: parse once, extract, fold, split quotes, locate, match."""
