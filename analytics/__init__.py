"""Analytics in pure pandas: the dataset, filters, metrics, One Agency One Innovation, and kipp/."""
