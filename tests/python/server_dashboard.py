"""The dashboard (GET /_dynafake/ui/) in a real browser: Debian's chromium,
headless, driven by python3-selenium through chromium-driver.

A scenario makes a table, items and a backup through boto3, then reads and
drives the page: the clock moved from the page's form, the backup turning
AVAILABLE as the clock passes its end, a fault rule added and removed from
the page, the journal filtered, a table's items, exports shown as none, and
the page at a phone's width without sideways scrolling.

Missing chromium, chromium-driver or selenium fails the suite (never skips):
`apt-get install chromium chromium-driver python3-selenium` (scripts/test.sh
installs them). Debian's selenium lives in /usr/lib/python3/dist-packages;
when the python3 running the tests is another one (pyenv, a venv) of the same
minor version, that folder is added to the end of sys.path.

Set DYNAFAKE_DASHBOARD_SCREENSHOT=path.png to save the whole page, 1280 pixels
wide, at the end of the scenario (how docs/images/dashboard.png is made).
"""
import os
import shutil
import sys
import unittest

from server_support import DynafakeServer, require_clients

INSTALL = "apt-get install chromium chromium-driver python3-selenium"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"


def import_selenium():
    try:
        import selenium  # noqa: F401
    except ImportError:
        debian = "/usr/lib/python3/dist-packages"
        if os.path.isdir(os.path.join(debian, "selenium")) and debian not in sys.path:
            sys.path.append(debian)
    try:
        from selenium import webdriver  # noqa: F401
    except ImportError as e:
        raise RuntimeError("the dashboard test needs selenium (%s); install it: %s" % (e, INSTALL))
    for exe, what in ((CHROMIUM, "chromium"), (CHROMEDRIVER, "chromium-driver (chromedriver)")):
        if not os.access(exe, os.X_OK):
            raise RuntimeError("the dashboard test needs %s (%s not found); install it: %s" % (what, exe, INSTALL))


def start_browser(width=1280, height=800):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=%d,%d" % (width, height), "--hide-scrollbars", "--force-device-scale-factor=1"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    return driver


class Dashboard(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        require_clients()
        import_selenium()
        cls.server = DynafakeServer()  # realistic durations: tables CREATING 10 s, backups 30 s
        cls.server.start()
        cls.driver = None
        try:
            cls.driver = start_browser()
        except Exception:
            cls.server.stop()
            raise

    @classmethod
    def tearDownClass(cls):
        if cls.driver:
            cls.driver.quit()
        cls.server.stop()

    # -- helpers
    def wait_for(self, condition, what, timeout=20):
        from selenium.webdriver.support.ui import WebDriverWait
        try:
            return WebDriverWait(self.driver, timeout, poll_frequency=0.1,
                                 ignored_exceptions=(IndexError,)).until(lambda d: condition())
        except Exception:
            self.fail("the page did not show %s within %d s; its message line says %r; it shows:\n%s"
                      % (what, timeout, self.text("message"), self.driver.find_element("tag name", "main").text))

    # The page re-renders its tables on every refresh: read them in one script, and click with a retry.
    def rows(self, table_id):
        return self.driver.execute_script(
            "return Array.from(document.querySelectorAll(arguments[0])).map("
            "tr => Array.from(tr.querySelectorAll('td')).map(td => td.innerText.trim()))",
            "#%s tbody tr" % table_id)

    def text(self, element_id):
        return self.driver.execute_script("return document.getElementById(arguments[0]).innerText.trim()",
                                          element_id)

    def click(self, css):
        from selenium.common.exceptions import StaleElementReferenceException
        for _ in range(20):
            try:
                element = self.driver.find_element("css selector", css)
                self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
                return element.click()
            except StaleElementReferenceException:
                continue
        self.fail("could not click %s: it was replaced each time" % css)

    # -- the scenario
    def test_a_backup_followed_through_the_page(self):
        from selenium.webdriver.support.ui import Select
        ddb = self.server.boto3_client()
        ddb.create_table(TableName="orders", KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
                         AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
                         BillingMode="PAY_PER_REQUEST")
        self.server.admin("POST", "/clock/advance", {"seconds": 10})
        for i in range(3):
            ddb.put_item(TableName="orders", Item={"id": {"S": "o-%d" % i}, "total": {"N": str(10 * i)}})
        backup = ddb.create_backup(TableName="orders", BackupName="nightly")["BackupDetails"]
        self.assertEqual(backup["BackupStatus"], "CREATING")
        with self.assertRaises(ddb.exceptions.ResourceNotFoundException):
            ddb.describe_table(TableName="missing")

        d = self.driver
        d.get(self.server.url + "/_dynafake/ui/")
        self.assertEqual(d.title, "dynafake")
        self.wait_for(lambda: self.text("clock-now") == "2026-01-01 00:00:10Z", "the clock at 00:00:10")
        tables = self.rows("tables")
        self.assertEqual(len(tables), 1, tables)
        self.assertTrue(tables[0][0].startswith("orders"), tables)
        self.assertEqual(tables[0][1], "ACTIVE")
        self.assertEqual(tables[0][2], "id (HASH, S)")
        self.assertEqual(tables[0][3], "3")
        self.assertEqual(tables[0][4], "DISABLED")
        self.assertEqual(tables[0][5], "DISABLED")
        backups = self.rows("backups")
        self.assertEqual(backups[0][:4], ["nightly", "orders", "USER", "CREATING"], backups)
        self.assertEqual(backups[0][5], "2026-01-01 00:00:10Z")  # the cut
        self.assertIn("No exports.", self.text("exports"))
        self.assertIn("No imports.", self.text("imports"))

        # the clock, moved from the page: a minute on, the backup is AVAILABLE
        amount = d.find_element("id", "advance-amount")
        amount.clear()
        amount.send_keys("1")
        Select(d.find_element("id", "advance-unit")).select_by_visible_text("minutes")
        d.find_element("id", "advance-button").click()
        self.wait_for(lambda: self.text("clock-now") == "2026-01-01 00:01:10Z", "the clock at 00:01:10")
        self.wait_for(lambda: self.rows("backups")[0][3] == "AVAILABLE", "the backup AVAILABLE")
        self.assertEqual(self.server.admin("GET", "/clock")["now"], "2026-01-01T00:01:10.000Z")
        self.assertIn("advanced by 1 minutes", self.text("message"))

        # the journal: every call, newest first; filtered to the failed ones
        self.wait_for(lambda: len(self.rows("journal")) == 6, "six calls in the journal")
        journal = self.rows("journal")
        self.assertEqual([row[2] for row in journal],
                         ["DescribeTable", "CreateBackup", "PutItem", "PutItem", "PutItem", "CreateTable"])
        self.assertEqual(journal[-1][1], "2026-01-01 00:00:00Z")
        d.find_element("id", "filter-failed").click()
        failed = self.rows("journal")
        self.assertEqual(len(failed), 1, failed)
        self.assertEqual(failed[0][3], "missing")
        self.assertTrue(failed[0][4].startswith("error: ResourceNotFoundException"), failed)
        self.assertEqual(failed[0][5], "state")
        self.assertIn("1 of 6 shown", self.text("journal-count"))
        d.find_element("id", "filter-failed").click()

        # a fault rule added from the page fires on the next CreateBackup, and is removed from the page
        Select(d.find_element("id", "fault-operation")).select_by_visible_text("CreateBackup")
        d.find_element("id", "fault-table").send_keys("orders")
        Select(d.find_element("id", "fault-error")).select_by_visible_text("LimitExceededException")
        d.find_element("id", "fault-add").click()
        self.wait_for(lambda: self.rows("faults")[0][1] == "CreateBackup", "the new rule")
        rule = self.rows("faults")[0]
        self.assertEqual(rule[2], "table orders; every call")
        self.assertEqual(rule[3], "LimitExceededException (HTTP 400)")
        with self.assertRaises(ddb.exceptions.LimitExceededException):
            ddb.create_backup(TableName="orders", BackupName="second")
        self.wait_for(lambda: self.rows("journal")[0][5] == "fault rule #1", "the call the rule answered")
        self.wait_for(lambda: self.rows("faults")[0][4] == "1 / 1", "the rule's counters")
        self.click("#faults button")
        self.wait_for(lambda: self.rows("faults") == [["No fault rules."]], "no rule")
        self.assertEqual(self.server.admin("GET", "/faults")["faults"], [])

        # a table's items, paged
        Select(d.find_element("id", "items-limit")).select_by_visible_text("10")
        self.click("#tables button")
        self.wait_for(lambda: len(self.rows("items")) == 3, "the three items")
        self.assertIn("Table orders: page 1, 3 items (last page)", self.text("items-title"))
        heads = [th.text for th in d.find_elements("css selector", "#items thead th")]
        self.assertEqual(sorted(heads), ["id", "total"])
        self.assertEqual(sorted(row[heads.index("id")] for row in self.rows("items")), ["o-0", "o-1", "o-2"])

        # the clock set from the page; the page follows a change made elsewhere on its own
        d.find_element("id", "set-time").send_keys("2026-01-02T00:00:00Z")
        d.find_element("id", "set-button").click()
        self.wait_for(lambda: self.text("clock-now") == "2026-01-02 00:00:00Z", "the clock set")
        ddb.create_table(TableName="events", KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
                         AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
                         BillingMode="PAY_PER_REQUEST")
        self.wait_for(lambda: len(self.rows("tables")) == 2, "the table made by boto3")
        self.assertEqual(self.rows("tables")[0][1], "CREATING")

        shot = os.environ.get("DYNAFAKE_DASHBOARD_SCREENSHOT")
        if shot:
            height = d.execute_script("return document.documentElement.scrollHeight")
            d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                              {"width": 1280, "height": height, "deviceScaleFactor": 1, "mobile": False})
            d.execute_script("window.scrollTo(0, 0)")
            d.save_screenshot(shot)
            d.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})

    def test_the_page_fits_a_phone(self):
        phone = start_browser(500, 844)
        try:
            # a window is at least 500 pixels wide; the viewport of a phone is emulated
            phone.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                  {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True})
            phone.get(self.server.url + "/_dynafake/ui/")
            from selenium.webdriver.support.ui import WebDriverWait
            WebDriverWait(phone, 20, poll_frequency=0.1).until(
                lambda d: int(d.find_element("tag name", "body").get_attribute("data-refreshed") or 0) > 0)
            width = phone.execute_script("return document.documentElement.scrollWidth")
            inner = phone.execute_script("return window.innerWidth")
            self.assertEqual(inner, 390)
            self.assertLessEqual(width, inner, "the page scrolls sideways at a phone's width")
            for heading in ("Clock", "Tables", "Items", "Backups", "Exports", "Fault rules", "Journal"):
                self.assertTrue(any(h.text.startswith(heading) for h in phone.find_elements("tag name", "h2")),
                                heading)
        finally:
            phone.quit()


if __name__ == "__main__":
    unittest.main()
