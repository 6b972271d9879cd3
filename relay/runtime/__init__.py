"""The run-time: serving process, SMTP edge, workers, parse processes, memory and lifeline."""
