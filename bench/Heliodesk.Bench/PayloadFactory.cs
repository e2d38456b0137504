using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Heliodesk.Bench;

/// <summary>
/// Builds varied, realistic ticket payloads. Random.Shared is thread-safe, so all workers can
/// share one factory. Exact distributions do not matter; variety (sizes, scripts, optional
/// fields present or absent) does, because it exercises more of the server.
/// </summary>
internal sealed class PayloadFactory(IReadOnlyList<JsonElement> teamIds)
{
    private static readonly (string Value, int Weight)[] Priorities = [("low", 20), ("normal", 55), ("high", 20), ("urgent", 5)];
    // The server's Channel enum, camelCased as it is on the wire.
    private static readonly (string Value, int Weight)[] Channels =
        [("email", 50), ("helpCenter", 20), ("widget", 15), ("chat", 8), ("phone", 4), ("api", 3)];
    // The seed mix: ~90% finished, ~10% active with "open" the majority of the active ones,
    // so at 1M tickets over 20 teams a team has about 3,000 open tickets.
    private static readonly (string Value, int Weight)[] SeedStatuses =
        [("solved", 450), ("closed", 450), ("open", 60), ("new", 20), ("pending", 20)];
    private static readonly int LanguageWeightTotal = SampleText.Languages.Sum(l => l.Weight);

    /// <summary>A ticket as a customer would file it: status left to the server default.</summary>
    public CreateTicketRequest NewTicket()
    {
        var random = Random.Shared;
        // ~10% unassigned: real queues have a triage inbox.
        JsonElement? team = teamIds.Count > 0 && random.Next(10) != 0 ? teamIds[random.Next(teamIds.Count)] : null;
        return Build(random, status: null, team);
    }

    /// <summary>A ticket for seeding history: mostly solved/closed, always assigned to a team.</summary>
    public CreateTicketRequest SeedTicket()
    {
        var random = Random.Shared;
        JsonElement? team = teamIds.Count > 0 ? teamIds[random.Next(teamIds.Count)] : null;
        return Build(random, Pick(random, SeedStatuses), team);
    }

    private static CreateTicketRequest Build(Random random, string? status, JsonElement? team)
    {
        var language = PickLanguage(random);
        var number = random.Next(10_000, 999_999).ToString(CultureInfo.InvariantCulture);
        var subject = language.Subjects[random.Next(language.Subjects.Length)].Replace("{n}", number, StringComparison.Ordinal);
        var (display, ascii) = language.Names[random.Next(language.Names.Length)];
        var email = $"{ascii}{random.Next(1, 5000)}@example.{(random.Next(3) == 0 ? "org" : "com")}";

        return new CreateTicketRequest(
            Subject: subject,
            Body: BuildBody(random, language),
            Requester: new Requester(email, display),
            // Optional fields are sometimes omitted, as real clients do, to hit server defaults.
            Priority: random.Next(5) == 0 ? null : Pick(random, Priorities),
            Channel: random.Next(4) == 0 ? null : Pick(random, Channels),
            Language: random.Next(10) == 0 ? null : language.Code,
            Status: status,
            TeamId: team,
            Tags: PickTags(random));
    }

    private static string BuildBody(Random random, LanguageSample language)
    {
        var body = new StringBuilder(512);
        var html = random.Next(10) == 0; // Markup pasted from HTML mail: the server must store/render it safely.
        var sentences = random.Next(1, 7);
        for (var i = 0; i < sentences; i++)
        {
            var sentence = language.Sentences[random.Next(language.Sentences.Length)];
            body.Append(html ? $"<p>{sentence}</p>" : sentence).Append(html ? "" : (i % 2 == 1 ? "\n\n" : " "));
        }
        if (random.Next(8) == 0)
        {
            body.Append(html ? "<pre>" + SampleText.LogSnippet + "</pre>" : SampleText.LogSnippet);
        }
        if (random.Next(15) == 0)
        {
            // Occasionally a long quoted thread: a few KB bodies are common in email support.
            var quote = body.ToString();
            for (var i = 0; i < 4; i++)
            {
                body.Append("\n> ").Append(quote);
            }
        }
        return body.ToString().TrimEnd();
    }

    private static string[]? PickTags(Random random)
    {
        var count = random.Next(5); // 0..4
        if (count == 0)
        {
            return random.Next(2) == 0 ? null : []; // both "absent" and "empty" are valid input
        }
        var tags = new HashSet<string>(StringComparer.Ordinal);
        while (tags.Count < count)
        {
            tags.Add(SampleText.Tags[random.Next(SampleText.Tags.Length)]);
        }
        return [.. tags];
    }

    private static LanguageSample PickLanguage(Random random)
    {
        var roll = random.Next(LanguageWeightTotal);
        foreach (var language in SampleText.Languages)
        {
            if ((roll -= language.Weight) < 0)
            {
                return language;
            }
        }
        return SampleText.Languages[0];
    }

    private static string Pick(Random random, (string Value, int Weight)[] choices)
    {
        var roll = random.Next(choices.Sum(c => c.Weight));
        foreach (var (value, weight) in choices)
        {
            if ((roll -= weight) < 0)
            {
                return value;
            }
        }
        return choices[^1].Value;
    }
}
