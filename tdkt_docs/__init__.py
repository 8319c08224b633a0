"""tdkt-docs: văn bản thi đua, khen thưởng đúng thể thức Nghị định 30/2020/NĐ-CP."""

__version__ = "0.1.0"
