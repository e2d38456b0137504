using System.Text.Json;

namespace Heliodesk.Bench;

/// <summary>
/// Persists <see cref="BenchState"/> next to the server's data so a reused --data-dir keeps
/// its workspace, teams and seeded-ticket count. Saves may come from the progress timer and
/// the main flow, so they are serialized with a lock.
/// </summary>
internal sealed class StateStore(string dataDir)
{
    public const string FileName = "heliodesk-bench.json";

    private readonly Lock _gate = new();

    public string FilePath { get; } = Path.Combine(dataDir, FileName);

    public BenchState Load()
    {
        if (!File.Exists(FilePath))
        {
            return new BenchState();
        }
        try
        {
            using var stream = File.OpenRead(FilePath);
            return JsonSerializer.Deserialize(stream, BenchStateJson.Default.BenchState) ?? new BenchState();
        }
        catch (JsonException ex)
        {
            // Never overwrite silently: the file holds the only copy of the owner token.
            throw new InvalidOperationException($"State file {FilePath} is not valid JSON ({ex.Message}); fix or delete it.", ex);
        }
    }

    public void Save(BenchState state)
    {
        lock (_gate)
        {
            // Write-then-rename so a crash mid-write cannot leave a truncated state file.
            var temp = FilePath + ".tmp";
            File.WriteAllBytes(temp, JsonSerializer.SerializeToUtf8Bytes(state, BenchStateJson.Default.BenchState));
            if (!OperatingSystem.IsWindows())
            {
                // The file contains bearer tokens: owner-only, like an SSH key.
                File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
            File.Move(temp, FilePath, overwrite: true);
        }
    }
}
