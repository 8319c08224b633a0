# Hai lệnh cần nhớ: `make documents` và `make test`. Mọi bước cài đặt đều tự động.
VENV    := .venv
PY      := $(VENV)/bin/python
TDKT    := $(VENV)/bin/tdkt
STAMP   := $(VENV)/.installed
BYTES   := $(VENV)/.compiled
PYTHON  ?= python3

.PHONY: help documents watch test clean pdf bench

help: ## Liệt kê các lệnh
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test]'
	@touch $(STAMP)

# Mã Python được dịch sẵn một lần: mỗi lệnh tdkt khỏi phải dịch lại toàn bộ khi máy đặt
# PYTHONDONTWRITEBYTECODE (Python khi đó không tự lưu bản đã dịch).
$(BYTES): $(STAMP) $(wildcard tdkt_docs/*.py tdkt_docs/*/*.py tdkt_docs/*/*/*.py)
	@$(PY) -m compileall -q tdkt_docs
	@touch $(BYTES)

documents: $(BYTES) ## Tạo văn bản DOCX từ mọi tệp YAML trong data/ vào output/
	$(TDKT) build data -o output

watch: $(BYTES) ## Tự tạo lại văn bản mỗi khi lưu một tệp YAML trong data/ (Ctrl+C để dừng)
	$(TDKT) watch data -o output

pdf: $(BYTES) ## Tạo văn bản DOCX và bản PDF bên cạnh (cần LibreOffice)
	$(TDKT) build data -o output --pdf

bench: $(BYTES) ## Đo tốc độ so với docxtpl, ghi kết quả vào bench/RESULTS.md
	$(PY) bench/run.py --write bench/RESULTS.md --readme README.md

test: $(BYTES) ## Chạy toàn bộ kiểm thử
	$(PY) -m pytest -q

clean: ## Xóa thư mục output/
	rm -rf output
