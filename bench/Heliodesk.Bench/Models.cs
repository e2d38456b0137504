using System.Text.Json;
using System.Text.Json.Serialization;

namespace Heliodesk.Bench;

// Ids are kept as JsonElement because the API contract does not say whether they are
// strings or numbers; echoing the raw element back keeps whatever type the server chose.

internal sealed record Requester(string Email, string Name);

internal sealed record CreateTicketRequest(
    string Subject,
    string Body,
    Requester Requester,
    string? Priority,
    string? Channel,
    string? Language,
    string? Status,
    JsonElement? TeamId,
    IReadOnlyList<string>? Tags);

internal sealed record NameRequest(string Name);

/// <summary>What the bench remembers in DATA_DIR/heliodesk-bench.json between runs.</summary>
internal sealed class BenchState
{
    /// <summary>Needed again when restarting a server on the same data dir: the server only
    /// adopts HELIODESK_BOOTSTRAP_TOKEN at first start.</summary>
    public string? BootstrapToken { get; set; }
    public JsonElement? WorkspaceId { get; set; }
    public string? OwnerToken { get; set; }
    public List<JsonElement> TeamIds { get; set; } = [];
    /// <summary>Tickets this bench has successfully created in the workspace (seed + create).</summary>
    public long TicketCount { get; set; }
    /// <summary>The agents the ui scenario signs in as (invited through the API, temporary passwords).</summary>
    public List<UiAgentLogin> UiAgents { get; set; } = [];
}

internal sealed record UiAgentLogin(string Email, string Password);

internal sealed record InviteAgentRequest(string Email, string Name, string Role);

/// <summary>One scenario's outcome; also the line appended to --json.</summary>
internal sealed record ScenarioResult(
    string Scenario,
    DateTimeOffset Timestamp,
    string Url,
    int Concurrency,
    int Warmup,
    int Planned,
    int Requests,
    int Errors,
    double ElapsedSeconds,
    double ThroughputPerSecond,
    double SuccessPerSecond,
    int LatencySamples,
    double? P50Ms,
    double? P95Ms,
    double? P99Ms,
    double? MaxMs,
    double? MeanMs,
    string? StoppedEarly,
    Dictionary<string, int> StatusCounts,
    string? FirstError,
    double? AverageItems,
    long? WorkspaceTickets,
    int Teams,
    double? RssPeakMb,
    double? RssEndMb);

/// <summary>Whole-run memory summary, appended to --json after the scenarios.</summary>
internal sealed record RunSummary(
    string Scenario,
    DateTimeOffset Timestamp,
    string Url,
    int? ServerPid,
    double? RssPeakMb,
    double? RssFinalMb,
    double? RssHighWaterMarkMb,
    int RssSamples);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CreateTicketRequest))]
[JsonSerializable(typeof(NameRequest))]
[JsonSerializable(typeof(InviteAgentRequest))]
[JsonSerializable(typeof(ScenarioResult))]
[JsonSerializable(typeof(RunSummary))]
internal sealed partial class BenchJson : JsonSerializerContext;

// Separate context only because the state file is meant to be read by people (indented).
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(BenchState))]
internal sealed partial class BenchStateJson : JsonSerializerContext;
