using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Heliodesk.Features.Routing.Handoff;

public sealed record DigestTicket(long Number, string Subject, string? Detail);

public sealed record QueueDepth(string Language, string Skill, int Waiting);

/// <summary>Everything a regional digest says, gathered from the database; turned into text by <see cref="DigestContent"/>.</summary>
public sealed record DigestFacts(
    string Region, DateTimeOffset At, string? IncomingRegion,
    IReadOnlyList<DigestTicket> HandedOver, IReadOnlyList<DigestTicket> Kept, IReadOnlyList<DigestTicket> Tank,
    IReadOnlyList<QueueDepth> Depth, IReadOnlyList<string> ComingOn, IReadOnlyList<string> GoingOff);

/// <summary>
/// A digest as a Slack-compatible incoming-webhook body: <c>text</c> (the plain fallback, also what the digests
/// page shows) and <c>blocks</c> (Block Kit sections). Pure, so what is posted can be tested line by line.
/// </summary>
public static class DigestContent
{
    /// <summary>Said plainly until SLAs exist: a digest must not show a number that is not measured.</summary>
    public const string SlaNote = "SLAs at risk: not reported yet. Heliodesk has no SLA policies until the SLA feature ships; this section stays empty rather than guess.";

    private const int ListedTickets = 20;

    public static (string Text, string Payload) Build(DigestFacts facts)
    {
        var title = $"Handoff digest: {facts.Region} day ends {facts.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC"
            + (facts.IncomingRegion is null ? "" : $" → {facts.IncomingRegion}");
        var sections = new List<string>
        {
            Section($"Handed over ({facts.HandedOver.Count})", Tickets(facts.HandedOver)),
            Section($"Kept by their agents ({facts.Kept.Count})", Tickets(facts.Kept)),
            Section("SLAs at risk", SlaNote),
            Section($"Tank tickets ({facts.Tank.Count})", Tickets(facts.Tank)),
            Section("Queue depth by language and skill", facts.Depth.Count == 0
                ? "Nothing waiting."
                : string.Join('\n', facts.Depth.Select(d => $"• {d.Language} · {d.Skill}: {d.Waiting}"))),
            Section("Coming on", facts.ComingOn.Count == 0 ? "Nobody scheduled." : string.Join(", ", facts.ComingOn)),
            Section("Going off", facts.GoingOff.Count == 0 ? "Nobody." : string.Join(", ", facts.GoingOff)),
        };
        var text = title + "\n\n" + string.Join("\n\n", sections);
        var blocks = new JsonArray(new JsonObject
        {
            ["type"] = "header",
            ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = Clip(title, 150) },
        });
        foreach (var section in sections)
        {
            blocks.Add(new JsonObject
            {
                ["type"] = "section",
                ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = Clip(section, 3000) },
            });
        }
        var payload = new JsonObject { ["text"] = text, ["blocks"] = blocks };
        return (text, payload.ToJsonString(new JsonSerializerOptions { WriteIndented = false }));
    }

    private static string Section(string heading, string body) => $"*{heading}*\n{body}";

    private static string Tickets(IReadOnlyList<DigestTicket> tickets)
    {
        if (tickets.Count == 0)
        {
            return "None.";
        }
        var lines = new StringBuilder();
        foreach (var t in tickets.Take(ListedTickets))
        {
            lines.Append(CultureInfo.InvariantCulture, $"• #{t.Number} {Clip(t.Subject, 80)}");
            lines.Append(t.Detail is null ? "" : $" ({t.Detail})").Append('\n');
        }
        if (tickets.Count > ListedTickets)
        {
            lines.Append(CultureInfo.InvariantCulture, $"…and {tickets.Count - ListedTickets} more\n");
        }
        return lines.ToString().TrimEnd('\n');
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
