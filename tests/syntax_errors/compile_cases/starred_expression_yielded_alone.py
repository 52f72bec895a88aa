def f(): yield *a
