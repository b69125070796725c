using System.Diagnostics;
using Akto.Consolidation.LoadDriver.Data;
using Npgsql;
using NpgsqlTypes;

namespace Akto.Consolidation.LoadDriver.Phases;

/// <summary>The baseline's latency, its row count and whether its grand total equals the county root computed by the driver.</summary>
public sealed record RollupResult(Samples Latency, long Rows, decimal GrandTotal, bool TotalMatches);

/// <summary>
/// The baseline of the tree read: the same data as line items in PostgreSQL, and the county function tree to depth 3
/// as <c>GROUP BY ROLLUP (类, 款, 项)</c>. The table holds the lines the county counts (payments to another unit of
/// the county eliminated), so its grand total is the county root.
/// </summary>
public static class RollupBaseline
{
    private const string Query = """
        SELECT substr(function_code, 1, 3) AS class, substr(function_code, 1, 5) AS section, function_code AS item,
               sum(amount) AS total,
               sum(amount) FILTER (WHERE category = 'basic') AS basic,
               sum(amount) FILTER (WHERE category = 'project') AS project
        FROM bench_line_items
        GROUP BY ROLLUP (substr(function_code, 1, 3), substr(function_code, 1, 5), function_code)
        """;

    public static async Task<RollupResult> RunAsync(string connectionString, County county, TimeSpan duration, int maxRuns, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, """
            DROP TABLE IF EXISTS bench_line_items;
            CREATE TABLE bench_line_items (unit_code text NOT NULL, function_code text NOT NULL, economic_code text NOT NULL,
                category text NOT NULL, fund_source text NOT NULL, amount numeric NOT NULL);
            """, cancellationToken);
        long rows = 0;
        await using (var import = await connection.BeginBinaryImportAsync(
            "COPY bench_line_items (unit_code, function_code, economic_code, category, fund_source, amount) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var (unitCode, line) in county.Lines())
            {
                await import.StartRowAsync(cancellationToken);
                await import.WriteAsync(unitCode, NpgsqlDbType.Text, cancellationToken);
                await import.WriteAsync(line.FunctionCode, NpgsqlDbType.Text, cancellationToken);
                await import.WriteAsync(line.EconomicCode, NpgsqlDbType.Text, cancellationToken);
                await import.WriteAsync(line.Category, NpgsqlDbType.Text, cancellationToken);
                await import.WriteAsync(line.FundSource, NpgsqlDbType.Text, cancellationToken);
                await import.WriteAsync(line.Amount, NpgsqlDbType.Numeric, cancellationToken);
                rows++;
            }

            await import.CompleteAsync(cancellationToken);
        }

        await ExecuteAsync(connection, """
            CREATE INDEX bench_line_items_function ON bench_line_items (function_code);
            CREATE INDEX bench_line_items_unit ON bench_line_items (unit_code);
            ANALYZE bench_line_items;
            """, cancellationToken);

        decimal grandTotal = 0m;
        var samples = new Samples();
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        for (var run = -3; run < maxRuns && (run < 0 || Stopwatch.GetTimestamp() < end); run++)
        {
            var start = Stopwatch.GetTimestamp();
            await using var command = new NpgsqlCommand(Query, connection);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                if (await reader.IsDBNullAsync(0, cancellationToken))
                {
                    grandTotal = reader.GetDecimal(3);
                }
            }

            if (run >= 0)
            {
                samples.AddSince(start);
            }
        }

        return new RollupResult(samples, rows, grandTotal, grandTotal == county.FunctionRootTotal());
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
