using System.Globalization;
using System.Text.Json;

namespace Heliodesk.Bench;

/// <summary>
/// Makes sure the bench has a workspace, its owner token and 20 teams, creating only what
/// the state file does not already record. Each step is saved right away so an interrupted
/// setup resumes instead of leaving orphaned workspaces behind.
/// </summary>
internal static class WorkspaceSetup
{
    public static int TeamCount => SampleText.TeamAreas.Length;

    public static async Task EnsureAsync(HeliodeskApi api, StateStore store, BenchState state, string? bootstrapToken, CancellationToken ct)
    {
        if (state.OwnerToken is not null && !await OwnerTokenStillValidAsync(api, state.OwnerToken, ct).ConfigureAwait(false))
        {
            Console.WriteLine("The saved owner token is rejected by this server (different database?); creating a new workspace.");
            state.WorkspaceId = null;
            state.OwnerToken = null;
            state.TeamIds.Clear();
            state.TicketCount = 0;
            store.Save(state);
        }

        if (state.OwnerToken is null)
        {
            if (string.IsNullOrEmpty(bootstrapToken))
            {
                throw new InvalidOperationException(
                    "No workspace in the state file and no bootstrap token: pass --bootstrap-token or set HELIODESK_BOOTSTRAP_TOKEN.");
            }
            var name = "bench-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
            var response = await api.PostJsonAsync("api/v1/workspaces", new NameRequest(name), BenchJson.Default.NameRequest, bootstrapToken, ct)
                .ConfigureAwait(false);
            using var created = ParseCreated(response, "POST /api/v1/workspaces");
            var root = created.RootElement;
            state.WorkspaceId = root.GetProperty("id").Clone();
            state.OwnerToken = root.TryGetProperty("ownerToken", out var token) && token.ValueKind == JsonValueKind.String
                ? token.GetString()
                : throw new InvalidOperationException("POST /api/v1/workspaces returned no ownerToken.");
            state.TeamIds.Clear();
            state.TicketCount = 0;
            store.Save(state);
            Console.WriteLine($"Created workspace '{name}' (id {state.WorkspaceId}).");
        }

        var before = state.TeamIds.Count;
        for (var i = state.TeamIds.Count; i < TeamCount; i++)
        {
            var name = $"Bench {i + 1:00} {SampleText.TeamAreas[i]}";
            var response = await api.PostJsonAsync("api/v1/teams", new NameRequest(name), BenchJson.Default.NameRequest, state.OwnerToken, ct)
                .ConfigureAwait(false);
            if (response.Status is 404 or 405)
            {
                // A server build without the teams API can still be load-tested; scenarios
                // then run without teamId and say so. A later run creates the missing teams.
                Console.WriteLine($"WARNING: POST /api/v1/teams answered {response.Status}; continuing with {state.TeamIds.Count} teams.");
                break;
            }
            using var created = ParseCreated(response, "POST /api/v1/teams");
            state.TeamIds.Add(created.RootElement.GetProperty("id").Clone());
            store.Save(state);
        }
        if (state.TeamIds.Count > before)
        {
            Console.WriteLine($"Created {state.TeamIds.Count - before} teams.");
        }
    }

    /// <summary>
    /// A reused data dir with a different or wiped database would otherwise fail every
    /// request with 401; detect that once, up front. Only 401/403 count as "invalid": any
    /// other answer (even an error) is left for the scenarios to report.
    /// </summary>
    private static async Task<bool> OwnerTokenStillValidAsync(HeliodeskApi api, string ownerToken, CancellationToken ct)
    {
        var response = await api.GetAsync("api/v1/tickets?limit=1", ownerToken, ct).ConfigureAwait(false);
        return response.Status is not (401 or 403);
    }

    private static JsonDocument ParseCreated(ApiResponse response, string what)
    {
        if (!response.IsSuccess)
        {
            throw new InvalidOperationException($"{what} failed: {response.Describe()}");
        }
        try
        {
            var document = JsonDocument.Parse(response.Body);
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("id", out _))
            {
                document.Dispose();
                throw new InvalidOperationException($"{what} returned no id: {response.Describe()}");
            }
            return document;
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"{what} returned invalid JSON: {response.Describe()}", ex);
        }
    }
}
