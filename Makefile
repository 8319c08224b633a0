# Hai lệnh cần nhớ: `make documents` và `make test`. Mọi bước cài đặt đều tự động.
VENV    := .venv
PY      := $(VENV)/bin/python
TDKT    := $(VENV)/bin/tdkt
STAMP   := $(VENV)/.installed
PYTHON  ?= python3

.PHONY: help documents watch test clean pdf bench ooxml-validator nhap

help: ## Liệt kê các lệnh
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test]'
	@touch $(STAMP)

documents: $(STAMP) ## Tạo văn bản DOCX từ mọi tệp YAML trong data/ vào output/
	$(TDKT) build data -o output

watch: $(STAMP) ## Tự tạo lại văn bản mỗi khi lưu một tệp YAML trong data/ (Ctrl+C để dừng)
	$(TDKT) watch data -o output

pdf: $(STAMP) ## Tạo văn bản DOCX và bản PDF bên cạnh (cần LibreOffice)
	$(TDKT) build data -o output --pdf

bench: $(STAMP) ## Đo tốc độ so với docxtpl, ghi kết quả vào bench/RESULTS.md
	$(PY) bench/run.py --write bench/RESULTS.md --readme README.md

nhap: $(STAMP) ## Đọc văn bản Word thành tệp YAML: make nhap TEP=van-ban-2025.docx [NAM=2026] [RA=tep.yaml]
	@test -n "$(TEP)" || { echo "Hãy ghi tệp Word, ví dụ: make nhap TEP=data/2026/ke-hoach-2025.docx NAM=2026"; exit 2; }
	$(TDKT) nhap "$(TEP)" $(if $(NAM),--nam $(NAM)) $(if $(RA),-o "$(RA)") $(if $(GHI_DE),--ghi-de)

test: $(STAMP) ## Chạy toàn bộ kiểm thử
	$(PY) -m pytest -q

# Bộ kiểm tra Open XML của Microsoft (gói npm, phiên bản ghi trong package.json) chỉ dùng cho kiểm thử:
# `make test` không cần mạng, chưa cài thì các kiểm thử đó được bỏ qua.
VALIDATOR := tools/ooxml-validator/node_modules/.bin/ooxml-validator

ooxml-validator: $(VALIDATOR) ## Cài bộ kiểm tra Open XML cho `make test` (cần npm và mạng, một lần)

$(VALIDATOR): tools/ooxml-validator/package.json
	cd tools/ooxml-validator && npm install --no-package-lock --no-audit --no-fund --loglevel=error
	@touch $@

clean: ## Xóa thư mục output/
	rm -rf output
