"""Views of the registry for agent frameworks; each module imports its framework lazily."""
