using System.Diagnostics;
using System.Globalization;
using Heliodesk.Bench;
using Heliodesk.Features.Agents;
using Heliodesk.Features.Routing;
using Heliodesk.Features.Tickets;

// Usage: dotnet run -c Release --project bench/Heliodesk.RoutingBench -- [agents] [tickets] [seed]
//    or: dotnet run -c Release --project bench/Heliodesk.RoutingBench -- throughput --start-server DLL --connection-string CS
//        [--nodes 2] [--agents 200] [--tickets 20000] [--strategy leastLoaded|roundRobin] [--max-seconds 900]
if (args.FirstOrDefault() == "throughput")
{
    return await Heliodesk.RoutingBench.ThroughputBench.RunAsync(args[1..]);
}
// Decides an owner for every waiting ticket, as one router pass does: eligibility over every agent in the pool,
// least loaded (and round robin) choice, and the chosen agent's load updated before the next decision.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var agentCount = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000;
var ticketCount = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
var random = new Random(args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 42);

string[] languages = ["en", "es", "pt", "lt", "sr", "de", "tl", "zh", "ja", "fr"];
string[] skills = ["billing", "technical", "onboarding", "sso", "api"];
Channel[] channels = [Channel.Email, Channel.Chat, Channel.Chat, Channel.Widget, Channel.Phone];

var agents = Enumerable.Range(0, agentCount).Select(i => new AgentSnapshot(
    Guid.CreateVersion7(), $"Agent {i}", AgentStatus.Online,
    [.. languages.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).Append("en").Distinct()],
    [.. skills.OrderBy(_ => random.Next()).Take(random.Next(1, 4))],
    random.Next(1, 4), OnShift: true,
    new Dictionary<Channel, int> { [Channel.Chat] = random.Next(0, 3), [Channel.Email] = random.Next(0, 20) },
    new Dictionary<Channel, int> { [Channel.Chat] = 3 },
    DateTimeOffset.UnixEpoch.AddSeconds(random.Next(1_000_000)))).ToArray();
var tickets = Enumerable.Range(0, ticketCount).Select(_ => new TicketNeeds(
    languages[random.Next(languages.Length)], random.Next(3) == 0 ? [] : [skills[random.Next(skills.Length)]],
    random.Next(10) == 0 ? 2 : 1, channels[random.Next(channels.Length)])).ToArray();

foreach (var strategy in new[] { StrategyKind.LeastLoaded, StrategyKind.RoundRobin })
{
    Run(strategy, warmUp: true);
    Run(strategy, warmUp: false);
}
return 0;

void Run(StrategyKind strategy, bool warmUp)
{
    var pool = agents.ToArray();
    var index = pool.Select((a, i) => (a.Id, i)).ToDictionary(p => p.Id, p => p.i);
    var options = new RoutingOptions("en");
    var samples = new double[warmUp ? Math.Min(1_000, tickets.Length) : tickets.Length];
    Guid? turn = null;
    var assigned = 0;
    var now = DateTimeOffset.UnixEpoch.AddDays(30);
    var passStarted = Stopwatch.GetTimestamp();
    for (var t = 0; t < samples.Length; t++)
    {
        var started = Stopwatch.GetTimestamp();
        var decision = AssignmentStrategy.Choose(tickets[t], pool, options, strategy, turn);
        if (decision is not null)
        {
            var i = index[decision.Agent.Id];
            pool[i] = pool[i].WithOneMore(tickets[t].Channel, now);
            turn = decision.Agent.Id;
            assigned++;
        }
        samples[t] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }
    var pass = Stopwatch.GetElapsedTime(passStarted);
    if (warmUp)
    {
        return;
    }
    var stats = new LatencyStats(samples);
    Console.WriteLine($"{strategy}: {agentCount} agents, {samples.Length} tickets, {assigned} assigned; decision ms p50 {stats.Percentile(50):F4} p99 {stats.Percentile(99):F4} max {stats.Max:F4}; whole pass {pass.TotalMilliseconds:F0} ms ({samples.Length / pass.TotalSeconds:F0} decisions/s)");
}
