"""Amazon's Selling Partner API: the client, the order sync, the just-in-time order lookup and
Amazon's own review request (Solicitations)."""
