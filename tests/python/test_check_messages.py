#!/usr/bin/env python3
"""Tests of tools/check_messages.py, the test `message_catalogue`: it fails on
a message written outside the catalogues and on a catalogue entry nothing
uses, and passes on the repository as it is.

Each case builds a small tree in a scratch folder (the three catalogues, a
component that answers with a catalogue text, the headers not yet moved),
plants one thing, and runs the check on it.

Run:   python3 -m unittest -v test_check_messages          (from tests/python)
"""
import os
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.environ.get("DYNAFAKE_SOURCE_DIR", os.path.join(HERE, "..", ".."))
TOOLS = os.path.join(SOURCE, "tools")
sys.path.insert(0, TOOLS)
import check_messages  # noqa: E402

CATALOGUE = """namespace dynafake { namespace detail { namespace msg {
inline std::string TableNotFound(const std::string& table) { return "Table not found: " + table; }
}}}
"""
COMPONENT = """// the component answers with the catalogue's text
Outcome Find(const std::string& name) {
  return DynamoDBError(DynamoDBErrors::TABLE_NOT_FOUND, msg::TableNotFound(name));
}
"""


class CheckMessagesTest(unittest.TestCase):
    def setUp(self):
        self.scratch = tempfile.TemporaryDirectory()
        self.root = self.scratch.name
        self.write(check_messages.CATALOGUES[0], CATALOGUE)
        for other in check_messages.CATALOGUES[1:]:
            self.write(other, "// no entries\n")
        for pending in check_messages.NOT_YET_MOVED:
            self.write(pending, 'inline void Fail() { Throw("not yet moved text"); }\n')
        self.write("include/dynafake/components/table_tags_impl.hpp", COMPONENT)

    def tearDown(self):
        self.scratch.cleanup()

    def write(self, rel, text):
        path = os.path.join(self.root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)

    def run_check(self):
        return subprocess.run([sys.executable, os.path.join(TOOLS, "check_messages.py"), "--root", self.root],
                              capture_output=True, text=True)

    def test_a_tree_whose_texts_are_all_in_the_catalogue_passes(self):
        result = self.run_check()
        self.assertEqual(result.returncode, 0, result.stdout)

    def test_a_planted_literal_fails_naming_its_file_and_line(self):
        self.write("include/dynafake/components/table_tags_impl.hpp",
                   COMPONENT + 'Outcome Other() {\n  return DynamoDBError(DynamoDBErrors::VALIDATION, "Table is gone");\n}\n')
        result = self.run_check()
        self.assertEqual(result.returncode, 1)
        self.assertIn('include/dynafake/components/table_tags_impl.hpp:6: "Table is gone"', result.stdout)

    def test_a_literal_in_a_comment_is_no_message(self):
        self.write("include/dynafake/components/table_tags_impl.hpp", COMPONENT + '// answers "Table not found: x"\n')
        self.assertEqual(self.run_check().returncode, 0)

    def test_a_literal_marked_not_a_message_passes(self):
        self.write("include/dynafake/model/outcome.hpp",
                   'throw std::logic_error("GetResult() on an outcome that failed");  // not a message\n')
        self.assertEqual(self.run_check().returncode, 0)

    def test_an_unused_catalogue_entry_fails(self):
        self.write(check_messages.CATALOGUES[0],
                   CATALOGUE.replace("}}}", 'inline std::string Gone() { return "Nobody says this"; }\n}}}'))
        result = self.run_check()
        self.assertEqual(result.returncode, 1)
        self.assertIn("Gone is in the catalogue but nothing uses it", result.stdout)

    def test_a_header_moved_off_the_backlog_must_leave_the_list(self):
        self.write(check_messages.NOT_YET_MOVED[0], "// every text moved\n")
        result = self.run_check()
        self.assertEqual(result.returncode, 1)
        self.assertIn("listed in NOT_YET_MOVED but holds no message", result.stdout)

    def test_the_repository_passes(self):
        self.assertEqual(check_messages.problems(SOURCE), [])


if __name__ == "__main__":
    unittest.main()
