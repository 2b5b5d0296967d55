"""Opens Superset dashboards in headless Chromium, saves a PNG of each and reports how every chart rendered.

Usage: render_dashboards.py URL OUT_DIR SLUG...   (user and password in SUPERSET_USER / SUPERSET_PASSWORD)

Prints one JSON document: per dashboard, its PNG and, per chart, its title, whether it shows an error or an empty
result, and how many canvas, svg and table-row elements it drew. Exits 1 if a dashboard did not finish loading.
"""
import json
import os
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

LOAD_TIMEOUT_S = float(os.environ.get("SUPERSET_RENDER_TIMEOUT", "180"))
SETTLE_S = 2.0

# Read in the page for each chart holder: what a person would see in it.
CHART_STATE = """
return Array.from(document.querySelectorAll('.dashboard-component-chart-holder')).map(h => {
  const title = h.querySelector('[data-test="editable-title"], .header-title, [data-test="slice-header"]');
  const text = h.innerText || '';
  const alert = h.querySelector('.ant-alert-error, [data-test="alert"], .alert-danger');
  return {
    title: title ? title.innerText.trim() : text.split('\\n')[0].trim(),
    loading: h.querySelectorAll('.loading, [aria-label="Loading"], [data-test="loading-indicator"]').length,
    error: h.querySelectorAll('.ant-alert-error, [data-test="alert"], .alert-danger').length > 0
        || /Unexpected error|error occurred|Error:|unexpected end/i.test(text),
    error_text: (alert ? alert.innerText : (text.match(/.*(Unexpected error|error occurred|Error:).*/i) || [''])[0])
        .trim().slice(0, 300),
    no_results: /No results/i.test(text),
    canvas: h.querySelectorAll('canvas').length,
    svg: h.querySelectorAll('svg.country_map, .superset-legacy-chart-country-map svg, svg[class*="map"]').length
        + h.querySelectorAll('.echarts-for-react svg').length,
    table_rows: h.querySelectorAll('table tbody tr').length,
  };
});
"""


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM_BINARY", "/usr/bin/chromium")
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1600,1200",
                "--hide-scrollbars"):
        options.add_argument(arg)
    service = Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    return webdriver.Chrome(service=service, options=options)


def log_in(driver, url):
    driver.get(url + "/login/")
    driver.find_element(By.ID, "username").send_keys(os.environ["SUPERSET_USER"])
    driver.find_element(By.ID, "password").send_keys(os.environ["SUPERSET_PASSWORD"])
    driver.find_element(By.CSS_SELECTOR, "form [type=submit], form button").click()
    deadline = time.time() + 60
    while "/login" in driver.current_url:
        if time.time() > deadline:
            raise SystemExit("could not log in to " + url + " as " + os.environ["SUPERSET_USER"])
        time.sleep(0.5)


def render(driver, url, slug, out_dir):
    driver.get(f"{url}/superset/dashboard/{slug}/?standalone=1")
    deadline = time.time() + LOAD_TIMEOUT_S
    charts = []
    while time.time() < deadline:
        time.sleep(SETTLE_S)
        charts = driver.execute_script(CHART_STATE)
        if charts and all(c["loading"] == 0 and (c["error"] or c["no_results"] or c["canvas"] or c["svg"]
                                                  or c["table_rows"]) for c in charts):
            break
    else:
        return {"slug": slug, "loaded": False, "charts": charts}
    time.sleep(SETTLE_S)  # animations end
    charts = driver.execute_script(CHART_STATE)
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(1600, max(900, height + 40))
    time.sleep(SETTLE_S)
    png = os.path.join(out_dir, slug + ".png")
    driver.save_screenshot(png)
    return {"slug": slug, "loaded": True, "png": png, "charts": charts}


def main():
    url, out_dir, slugs = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3:]
    os.makedirs(out_dir, exist_ok=True)
    driver = browser()
    try:
        log_in(driver, url)
        report = [render(driver, url, slug, out_dir) for slug in slugs]
    finally:
        driver.quit()
    print(json.dumps(report, indent=2))
    return 0 if all(d["loaded"] for d in report) else 1


if __name__ == "__main__":
    sys.exit(main())
