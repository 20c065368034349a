"""HTTP execution: request building, response reading, retry policy and the clients."""
