"""The eval suite: misinformation cases, the runner, metrics and the scored report."""
