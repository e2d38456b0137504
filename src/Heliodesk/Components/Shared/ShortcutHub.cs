using Microsoft.JSInterop;

namespace Heliodesk.Components.Shared;

/// <summary>
/// Keyboard shortcuts for one browser tab: workspace.js sends each key pressed outside a text field;
/// "?" and Escape drive the help overlay, every other key goes to the page that handles keys now.
/// </summary>
public sealed class ShortcutHub
{
    /// <summary>The keys, in the order the help overlay lists them, with their resource keys.</summary>
    public static readonly IReadOnlyList<(string Key, string Description)> Keys =
    [
        ("j", "Keys.Next"),
        ("k", "Keys.Previous"),
        ("r", "Keys.Reply"),
        ("n", "Keys.Note"),
        ("a", "Keys.AssignToMe"),
        ("s", "Keys.Solve"),
        ("?", "Keys.Help"),
        ("Esc", "Keys.Escape"),
    ];

    private Func<string, Task>? _page;

    public event Action<bool?>? HelpRequested;

    /// <summary>The current page takes the keys until the returned handle is disposed.</summary>
    public IDisposable Handle(Func<string, Task> handler)
    {
        _page = handler;
        return new Release(() =>
        {
            if (_page == handler)
            {
                _page = null;
            }
        });
    }

    [JSInvokable]
    public async Task OnKey(string key)
    {
        switch (key)
        {
            case "?":
                HelpRequested?.Invoke(null);
                break;
            case "Escape":
                HelpRequested?.Invoke(false);
                break;
            default:
                if (_page is not null)
                {
                    await _page(key);
                }
                break;
        }
    }

    private sealed class Release(Action release) : IDisposable
    {
        public void Dispose() => release();
    }
}
