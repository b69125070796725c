using System.Text.Json;

namespace Akto.Consolidation.Client.Commands;

/// <summary>
/// The connection <c>akto login</c> remembers: <c>~/.config/akto/config.json</c> (or under <c>XDG_CONFIG_HOME</c>),
/// readable by its owner only (mode 0600), since it holds an API key.
/// </summary>
internal sealed record ClientConfig(string? Server, string? Key)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string DefaultPath
    {
        get
        {
            var home = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME") is { Length: > 0 } xdg
                ? xdg
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
            return Path.Combine(home, "akto", "config.json");
        }
    }

    /// <summary>The file's connection; empty when there is no file. A file that cannot be read is an error (null, with why).</summary>
    public static ClientConfig? Load(string path, out string? problem)
    {
        problem = null;
        if (!File.Exists(path))
        {
            return new ClientConfig(null, null);
        }

        try
        {
            return JsonSerializer.Deserialize<ClientConfig>(File.ReadAllText(path), Json) ?? new ClientConfig(null, null);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or JsonException)
        {
            problem = $"无法读取配置文件 {path} (cannot read the config file): {exception.Message}";
            return null;
        }
    }

    /// <summary>Writes the file with mode 0600 from the start, so the key is never readable by others, not even briefly.</summary>
    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(path, options))
        {
            JsonSerializer.Serialize(stream, this, Json);
        }

        // An existing file keeps its mode on FileMode.Create: tighten it.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
