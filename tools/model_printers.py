"""The printers of generate_model.py: operator<< for every model type, declared
in include/dynafake/generated/print.hpp and defined in print_impl.hpp."""
from model import Writer


def gen_print(m, header):
    """operator<< for every model type: declared in print.hpp, defined in
    print_impl.hpp (compiled once, see dynafake/detail/linkage.hpp)."""
    decl = Writer()
    header(decl, "PRINT", ["<ostream>  // std::ostream", '"dynafake/generated/requests.hpp"  // XRequest',
                           '"dynafake/generated/results.hpp"  // XResult'])
    decl("namespace dynafake {")
    decl("namespace Model {")
    decl()
    decl("// Every model type prints as Name{Member: value, ...} (members that have been set);")
    decl("// GoogleTest and gMock print them with these.")
    impl = Writer()
    header(impl, "PRINT_IMPL", ["<string>  // std::string", '"dynafake/detail/linkage.hpp"  // DYNAFAKE_IMPL',
                                '"dynafake/detail/print_value.hpp"  // StructPrinter',
                                '"dynafake/generated/print.hpp"  // the declarations'])
    impl("namespace dynafake {")
    impl("namespace Model {")
    impl()
    for e in m.enums():
        decl("std::ostream& operator<<(std::ostream& os, %s value);" % e)
        impl("DYNAFAKE_IMPL std::ostream& operator<<(std::ostream& os, %s value) {" % e)
        impl("  return os << (value == %s::NOT_SET ? std::string(\"NOT_SET\") : %sMapper::GetNameFor%s(value));"
             % (e, e, e))
        impl("}")
    for shape in m.structures():
        cls = m.class_name(shape)
        decl("std::ostream& operator<<(std::ostream& os, const %s& value);" % cls)
        impl("DYNAFAKE_IMPL std::ostream& operator<<(std::ostream& os, const %s& value) {" % cls)
        impl('  detail::StructPrinter p(os, "%s");' % cls)
        for name, _, _ in m.members(shape):
            impl('  if (value.%sHasBeenSet()) p.Field("%s", value.Get%s());' % (name, name, name))
        impl("  return p.Done();")
        impl("}")
    for op, spec in m.operations.items():
        if "output" not in spec:
            decl('inline std::ostream& operator<<(std::ostream& os, const %sResult&) { return os << "%sResult{}"; }'
                 % (op, op))
    for w in (decl, impl):
        w()
        w("}  // namespace Model")
        w("}  // namespace dynafake")
    return decl.text(), impl.text()
