using System.Globalization;

namespace Akto.Consolidation.Client.Forms;

/// <summary>A cell the form reader cannot use: sheet, address (<c>C7</c>) and why.</summary>
internal sealed record FormProblem(string Sheet, string Cell, string Message)
{
    public override string ToString() => $"{Sheet}!{Cell}: {Message}";
}

/// <summary>
/// Typed reads of form cells that record a <see cref="FormProblem"/> for every cell they cannot use. Amounts are parsed
/// from the cell's text into decimal with the invariant culture; a text with more than 15 significant digits is a
/// binary-float artefact of a spreadsheet program and is rounded to the 15 digits Excel shows.
/// </summary>
internal sealed class FormCells(List<FormProblem> problems)
{
    public void Problem(XlsxSheet sheet, int row, int column, string message) =>
        problems.Add(new FormProblem(sheet.Name, XlsxWorkbookReader.Reference(row, column), message));

    public static string? Text(XlsxSheet sheet, int row, int column)
    {
        var text = sheet.Value(row, column)?.Text;
        return string.IsNullOrWhiteSpace(text) ? null : text;
    }

    public decimal? Decimal(XlsxSheet sheet, int row, int column)
    {
        if (Text(sheet, row, column) is not { } text)
        {
            return null;
        }

        var clean = text.Trim().Replace(",", "", StringComparison.Ordinal);
        if (!decimal.TryParse(clean, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            Problem(sheet, row, column, $"不是数字 (not a number): “{text}”");
            return null;
        }

        return Significant(clean) > 15 ? RoundSignificant(value, 15) : value;
    }

    public int? Integer(XlsxSheet sheet, int row, int column)
    {
        if (Decimal(sheet, row, column) is not { } value)
        {
            return null;
        }

        if (value != decimal.Truncate(value) || value is > int.MaxValue or < int.MinValue)
        {
            Problem(sheet, row, column, $"应为整数 (not a whole number): {value.ToString(CultureInfo.InvariantCulture)}");
            return null;
        }

        return (int)value;
    }

    /// <summary>A date as text (yyyy-MM-dd) or as a spreadsheet date serial.</summary>
    public DateOnly? Date(XlsxSheet sheet, int row, int column)
    {
        if (sheet.Value(row, column) is not { } cell || string.IsNullOrWhiteSpace(cell.Text))
        {
            return null;
        }

        var text = cell.Text.Trim();
        if (DateOnly.TryParseExact(text, ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        if (cell.IsNumber && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var serial) && serial is > 0 and < 2958466)
        {
            return new DateOnly(1899, 12, 30).AddDays(serial);
        }

        Problem(sheet, row, column, $"不是日期 (not a date, use yyyy-MM-dd): “{text}”");
        return null;
    }

    public T? Choice<T>(XlsxSheet sheet, int row, int column, FormLabels<T> labels)
        where T : struct, Enum
    {
        if (Text(sheet, row, column) is not { } text)
        {
            return null;
        }

        if (labels.TryParse(text.Trim(), out var value))
        {
            return value;
        }

        Problem(sheet, row, column, $"“{text}” 不在下拉列表中 (not one of: {string.Join("、", labels.All)})");
        return null;
    }

    /// <summary>The code of a "2080101 行政运行" cell (the drop-down shows code and name); digits only.</summary>
    public string? Code(XlsxSheet sheet, int row, int column)
    {
        if (Text(sheet, row, column) is not { } text)
        {
            return null;
        }

        var code = text.Trim().Split(' ', 2)[0];
        if (code.Length == 0 || !code.All(char.IsAsciiDigit))
        {
            Problem(sheet, row, column, $"科目编码应为数字 (a classification code is digits): “{text}”");
            return null;
        }

        return code;
    }

    private static int Significant(string number)
    {
        var mantissa = number.Split('e', 'E')[0];
        var digits = mantissa.Where(char.IsAsciiDigit).SkipWhile(c => c == '0').ToList();
        return digits.Count;
    }

    private static decimal RoundSignificant(decimal value, int digits)
    {
        if (value == 0m)
        {
            return 0m;
        }

        // The number of digits before the decimal point (negative: leading zeros after it), in decimal arithmetic.
        var magnitude = 0;
        var scaled = Math.Abs(value);
        for (; scaled >= 1m; scaled /= 10m)
        {
            magnitude++;
        }

        for (; scaled < 0.1m; scaled *= 10m)
        {
            magnitude--;
        }

        var decimals = Math.Clamp(digits - magnitude, 0, 28);
        var rounded = decimal.Round(value, decimals, MidpointRounding.AwayFromZero);
        return decimal.Parse(rounded.ToString("0.############################", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }
}
