"""Static checks of docker/: no Docker engine runs here."""

import re
import subprocess
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DOCKERFILE = (ROOT / "docker/Dockerfile").read_text()


def test_compose_file_is_valid():
    res = subprocess.run(
        ["docker-compose", "-f", str(ROOT / "docker/compose.yaml"), "config"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert res.returncode == 0, res.stderr
    config = yaml.safe_load(res.stdout)
    services = config["services"]
    assert services["db"]["image"] == "postgres:16"
    assert services["db"]["healthcheck"]["test"]
    odoo = services["odoo"]
    assert odoo["depends_on"]["db"]["condition"] == "service_healthy"
    assert odoo["healthcheck"]["test"]
    assert Path(odoo["build"]["context"]) == ROOT
    assert {"db-data", "odoo-data"} <= set(config["volumes"])


def test_dockerfile_builds_on_official_image_and_installs_what_addons_need():
    assert re.search(r"^FROM odoo:18\.0$", DOCKERFILE, re.M)
    assert "fonts-dejavu-core" in DOCKERFILE
    assert "--break-system-packages --no-deps" in DOCKERFILE
    assert "COPY requirements-oca.txt" in DOCKERFILE
    assert re.search(r"^COPY addons /mnt/extra-addons$", DOCKERFILE, re.M)
    assert "COPY tools/setup_db.py" in DOCKERFILE
    # Installs happen as root, the server runs as odoo.
    users = re.findall(r"^USER (\S+)$", DOCKERFILE, re.M)
    assert users == ["root", "odoo"]


def test_dockerfile_copies_only_existing_paths():
    for src in re.findall(r"^COPY (\S+) ", DOCKERFILE, re.M):
        assert (ROOT / src).exists(), src


def test_container_config_points_at_the_oca_wheels_and_our_addons():
    conf = (ROOT / "docker/odoo.conf").read_text()
    paths = re.search(r"^addons_path = (.*)$", conf, re.M).group(1).split(",")
    assert "/mnt/extra-addons" in paths
    assert any(p.endswith("dist-packages/odoo/addons") and "/usr/local/" in p for p in paths)
    assert re.search(r"^db_host = db$", conf, re.M)
