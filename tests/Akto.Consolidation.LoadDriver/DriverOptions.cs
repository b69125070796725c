using System.Globalization;

namespace Akto.Consolidation.LoadDriver;

/// <summary>The driver's command line; <c>--quick</c> and <c>--self-check</c> change the defaults, explicit options win.</summary>
public sealed record DriverOptions
{
    public string Mode { get; init; } = "full";

    public string Data { get; init; } = "seed";

    public IReadOnlyList<string> Storages { get; init; } = ["postgres", "sqlite"];

    public string? Postgres { get; init; }

    public IReadOnlyList<int> Sizes { get; init; } = [1_000, 10_000];

    public IReadOnlyList<int> Clients { get; init; } = [16, 64];

    /// <summary>
    /// Each measured submission run. A run ends when its last request in flight is answered, so a slow silo stretches
    /// every phase by up to one ack latency: the full run's defaults keep it within 15 min even at ~10 s acks.
    /// </summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Time allowed for loading the units of one size that have no version yet.</summary>
    public TimeSpan PreloadBudget { get; init; } = TimeSpan.FromSeconds(150);

    /// <summary>Each read measurement (tree, tables, ROLLUP).</summary>
    public TimeSpan ReadDuration { get; init; } = TimeSpan.FromSeconds(6);

    public TimeSpan RecoveryLoad { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>After the restart: reading every unit back and waiting for the exact county root, together.</summary>
    public TimeSpan RecoveryBudget { get; init; } = TimeSpan.FromSeconds(45);

    public string SiloDll { get; init; } = "silo/Akto.Consolidation.Silo/bin/Release/net10.0/Akto.Consolidation.Silo.dll";

    public string WorkDirectory { get; init; } = Path.Combine(Path.GetTempPath(), "akto-bench");

    public string? Output { get; init; }

    public int HttpPort { get; init; } = 15380;

    public static DriverOptions Parse(string[] args)
    {
        var mode = args.Contains("--self-check") ? "self-check" : args.Contains("--quick") ? "quick" : "full";
        var options = mode switch
        {
            "quick" => new DriverOptions
            {
                Mode = mode, Sizes = [1_000], Clients = [16], Duration = TimeSpan.FromSeconds(8), PreloadBudget = TimeSpan.FromSeconds(10),
                ReadDuration = TimeSpan.FromSeconds(2), RecoveryLoad = TimeSpan.FromSeconds(3), RecoveryBudget = TimeSpan.FromSeconds(16),
            },
            "self-check" => new DriverOptions
            {
                Mode = mode, Storages = ["sqlite"], Sizes = [50], Clients = [4], Duration = TimeSpan.FromSeconds(10), PreloadBudget = TimeSpan.FromSeconds(60),
                ReadDuration = TimeSpan.FromSeconds(2), RecoveryLoad = TimeSpan.FromSeconds(3), RecoveryBudget = TimeSpan.FromSeconds(30),
            },
            _ => new DriverOptions(),
        };

        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--quick" or "--self-check" or "--full" or "--help" or "-h" => options,
                "--data" => options with { Data = Value() },
                "--storages" => options with { Storages = Value().Split(',', StringSplitOptions.RemoveEmptyEntries) },
                "--postgres" => options with { Postgres = Value() },
                "--sizes" => options with { Sizes = [.. Value().Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))] },
                "--clients" => options with { Clients = [.. Value().Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))] },
                "--duration" => options with { Duration = Seconds(Value()) },
                "--preload-budget" => options with { PreloadBudget = Seconds(Value()) },
                "--read-duration" => options with { ReadDuration = Seconds(Value()) },
                "--silo" => options with { SiloDll = Value() },
                "--work" => options with { WorkDirectory = Value() },
                "--out" => options with { Output = Value() },
                "--port" => options with { HttpPort = int.Parse(Value(), CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }

        if (options.Storages.FirstOrDefault(s => s is not ("postgres" or "sqlite")) is { } unknown)
        {
            throw new ArgumentException($"unknown storage '{unknown}' (postgres or sqlite)");
        }

        if (options.Storages.Contains("postgres") && options.Postgres is null)
        {
            throw new ArgumentException("--storages postgres needs --postgres CONNECTION-STRING (scripts/bench.sh starts one)");
        }

        return options;
    }

    /// <summary>"60s", "2m" or a number of seconds.</summary>
    private static TimeSpan Seconds(string text) => text.EndsWith('m')
        ? TimeSpan.FromMinutes(double.Parse(text[..^1], CultureInfo.InvariantCulture))
        : TimeSpan.FromSeconds(double.Parse(text.TrimEnd('s'), CultureInfo.InvariantCulture));

    public const string Usage = """
        Akto.Consolidation.LoadDriver [--quick | --self-check] [options]
          --data seed|generated        seed: 139001 ×1–3 under other unit codes; generated: a synthetic county (h8gen)
          --storages postgres,sqlite   which silo storages to run (postgres needs --postgres)
          --postgres CONN              Npgsql connection string of a durable PostgreSQL (the silo's and the ROLLUP baseline's)
          --sizes 1000,10000           county sizes, grown in order (the preload of each size is time-bounded)
          --clients 16,64              closed-loop client counts of the submission runs
          --duration 20s               each submission run; --preload-budget 150s (per size); --read-duration 6s
          --silo PATH                  the silo's dll (default: the Release build)
          --work DIR                   data directories and logs; --out FILE writes the Markdown report
          --port N                     the silo's HTTP port (the Orleans ports are N+1, N+2)
        Exit code: 0 ran (targets may be missed), 1 a 5xx, lost acknowledged data or a wrong county total, 2 bad usage.
        """;
}
