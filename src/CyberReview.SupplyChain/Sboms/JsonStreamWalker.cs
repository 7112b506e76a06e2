using System.Text.Json;

namespace CyberReview.SupplyChain.Sboms;

/// <summary>
/// Walks a JSON document from a stream with <see cref="Utf8JsonReader"/>, holding only a window of it: tokens
/// one at a time, or one value (e.g. one element of a large array) as a small <see cref="JsonDocument"/>.
/// Memory is bounded by the largest single value asked for, never by the file.
/// </summary>
internal sealed class JsonStreamWalker(Stream stream, int maxDepth)
{
    private byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;
    private bool _final;
    private JsonReaderState _state = new(new JsonReaderOptions { MaxDepth = maxDepth });

    /// <summary>The size of the window over the input, which grows only to hold the largest single value read.</summary>
    public int WindowSize => _buffer.Length;

    /// <summary>The type of the next token without consuming it; None at the end of the input.</summary>
    public JsonTokenType Peek()
    {
        while (true)
        {
            var reader = Reader();
            if (reader.Read())
                return reader.TokenType;
            if (_final)
                return JsonTokenType.None;
            Fill();
        }
    }

    /// <summary>Consumes one token; <paramref name="text"/> is the property name or string value when it is one.</summary>
    public JsonTokenType Next(out string? text)
    {
        while (true)
        {
            var reader = Reader();
            if (reader.Read())
            {
                text = reader.TokenType is JsonTokenType.PropertyName or JsonTokenType.String ? reader.GetString() : null;
                Commit(ref reader);
                return reader.TokenType;
            }
            if (_final)
            {
                text = null;
                return JsonTokenType.None;
            }
            Fill();
        }
    }

    /// <summary>
    /// Consumes the next whole value (scalar, object or array) and returns it; null when the next token ends the
    /// enclosing array or object (that token is consumed) or the input ends. The caller disposes the document.
    /// </summary>
    public JsonDocument? ReadValue()
    {
        while (true)
        {
            var reader = Reader();
            var probe = reader;
            if (probe.Read())
            {
                if (probe.TokenType is JsonTokenType.EndArray or JsonTokenType.EndObject)
                {
                    Commit(ref probe);
                    return null;
                }
                if (probe.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
                {
                    // A scalar: its bytes are the token itself (ParseValue would not leave the reader's state right after one).
                    var token = _buffer.AsMemory(_start + (int)probe.TokenStartIndex, (int)(probe.BytesConsumed - probe.TokenStartIndex)).ToArray();
                    Commit(ref probe);
                    return JsonDocument.Parse(token);
                }
                if (!probe.TrySkip())
                {
                    Fill();
                    continue;
                }
                // Positioned on the value's first token: from None, ParseValue would take the rest of the input as one value.
                reader.Read();
                var document = JsonDocument.ParseValue(ref reader);
                Commit(ref reader);
                return document;
            }
            if (_final)
                return null;
            Fill();
        }
    }

    /// <summary>Reads to the end of the input; the reader refuses anything but white space after the root value.</summary>
    public void ExpectEnd()
    {
        while (Peek() != JsonTokenType.None)
            Next(out _);
    }

    private Utf8JsonReader Reader() => new(_buffer.AsSpan(_start, _end - _start), _final, _state);

    private void Commit(ref Utf8JsonReader reader)
    {
        _state = reader.CurrentState;
        _start += checked((int)reader.BytesConsumed);
    }

    private void Fill()
    {
        if (_final)
            throw new InvalidOperationException("The whole input is already in the buffer.");
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length)
            Array.Resize(ref _buffer, checked(_buffer.Length * 2));
        var n = stream.Read(_buffer.AsSpan(_end));
        if (n == 0)
            _final = true;
        _end += n;
    }
}
