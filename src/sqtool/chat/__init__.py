"""Chat exports: readers turn each platform's export into one stream of Message/Event records."""
