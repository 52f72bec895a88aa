path = "/tmp/_pyrs_vm_file_closes.txt"
def write_without_close():
    f = open(path, "w")
    f.write("written before the last reference went\n")
write_without_close()
with open(path) as g:
    print(g.read(), end="")
f = open(path, "a")
f.write("second")
del f
print(open(path).read().splitlines())
