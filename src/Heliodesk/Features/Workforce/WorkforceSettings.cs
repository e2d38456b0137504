using Heliodesk.Features.Routing;
using Heliodesk.Features.Tickets;

namespace Heliodesk.Features.Workforce;

/// <summary>A service target: this share of contacts answered within this many seconds.</summary>
public sealed class ServiceTarget
{
    public double ServiceLevel { get; set; } = 0.8;
    public int AnswerWithinSeconds { get; set; } = 3600;
}

/// <summary>Workforce settings: <c>Heliodesk:Workforce:*</c>.</summary>
public sealed class WorkforceSettings
{
    public const string Section = "Heliodesk:Workforce";

    /// <summary>How many past weeks of arrivals and handle times the forecast reads.</summary>
    public int ForecastWeeks { get; set; } = 4;

    /// <summary>The share of paid time agents are not available to customers (breaks, meetings, training, leave).</summary>
    public double Shrinkage { get; set; } = 0.3;

    /// <summary>How many chats one agent handles at once; Erlang C then sees that many servers per agent.</summary>
    public int ChatConcurrency { get; set; } = AgentCapacity.DefaultMaxConcurrentChats;

    /// <summary>A gap longer than this between an agent's message and what prompted it is waiting, not working.</summary>
    public int MaxTurnMinutes { get; set; } = 20;

    /// <summary>Below this many measured tickets a channel's handle time falls back to <see cref="DefaultHandleMinutes"/>.</summary>
    public int MinHandleSamples { get; set; } = 5;

    public double DefaultHandleMinutes { get; set; } = 10;

    /// <summary>Targets per channel (Email, Chat, Phone, …); a channel not listed uses <see cref="DefaultTarget"/>.</summary>
    public Dictionary<Channel, ServiceTarget> Targets { get; set; } = new()
    {
        [Channel.Chat] = new ServiceTarget { ServiceLevel = 0.8, AnswerWithinSeconds = 60 },
        [Channel.Phone] = new ServiceTarget { ServiceLevel = 0.8, AnswerWithinSeconds = 30 },
    };

    public ServiceTarget DefaultTarget { get; set; } = new();

    /// <summary>How often the live alert compares online agents with the current hour's minimum.</summary>
    public TimeSpan AlertInterval { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan AlertLeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    public ServiceTarget TargetFor(Channel channel) => Targets.GetValueOrDefault(channel) ?? DefaultTarget;
}
