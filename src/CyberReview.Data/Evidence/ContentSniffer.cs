using System.Text;
using CyberReview.Reviews.Evidence;

namespace CyberReview.Data.Evidence;

/// <summary>
/// Tells a file's kind from its bytes as they stream past: the magic numbers of the binary kinds, otherwise UTF-8
/// text (checked to the last byte, without control characters) classed as JSON, XML or plain by its first character.
/// </summary>
internal sealed class ContentSniffer
{
    private const int HeadSize = 16;
    private readonly byte[] _head = new byte[HeadSize];
    private readonly Decoder _utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
    private readonly char[] _chars = new char[SegmentedGcm.PlainSegmentSize + 4];
    private int _headLength;
    private ContentKind? _binary;
    private bool _notText;
    private char _firstSignificant;

    public void Append(ReadOnlySpan<byte> chunk)
    {
        var take = Math.Min(chunk.Length, HeadSize - _headLength);
        chunk[..take].CopyTo(_head.AsSpan(_headLength));
        _headLength += take;
        if (_binary is null && _headLength >= 8)
            _binary = Binary(_head.AsSpan(0, _headLength));
        if (_binary is not null || _notText)
            return;
        Decode(chunk, flush: false);
    }

    /// <summary>The kind the bytes show; null when they are none of the accepted kinds (or the file is empty).</summary>
    public ContentKind? Finish()
    {
        _binary ??= Binary(_head.AsSpan(0, _headLength));
        if (_binary is not null)
            return _binary;
        if (_headLength == 0)
            return null;
        Decode([], flush: true);
        if (_notText)
            return null;
        return _firstSignificant switch
        {
            '{' or '[' => ContentKind.Json,
            '<' => ContentKind.Xml,
            _ => ContentKind.Text,
        };
    }

    private void Decode(ReadOnlySpan<byte> chunk, bool flush)
    {
        while (true)
        {
            int used, produced;
            bool completed;
            try
            {
                _utf8.Convert(chunk, _chars, flush, out used, out produced, out completed);
            }
            catch (DecoderFallbackException)
            {
                _notText = true;
                return;
            }
            foreach (var c in _chars.AsSpan(0, produced))
            {
                // Text files carry tabs, line ends and form feeds; any other control character means binary.
                if ((c < 0x20 && c is not ('\t' or '\n' or '\r' or '\f')) || c == 0x7F)
                {
                    _notText = true;
                    return;
                }
                if (_firstSignificant == default && !char.IsWhiteSpace(c) && c != '\uFEFF')
                    _firstSignificant = c;
            }
            chunk = chunk[used..];
            if (completed || chunk.IsEmpty)
                return;
        }
    }

    private static ContentKind? Binary(ReadOnlySpan<byte> head) => head switch
    {
        [0x25, 0x50, 0x44, 0x46, 0x2D, ..] => ContentKind.Pdf, // %PDF-
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] => ContentKind.Png,
        [0xFF, 0xD8, 0xFF, ..] => ContentKind.Jpeg,
        [0x50, 0x4B, 0x03, 0x04, ..] or [0x50, 0x4B, 0x05, 0x06, ..] => ContentKind.Zip, // PK: a local header, or an empty archive
        [0x1F, 0x8B, 0x08, ..] => ContentKind.Gzip,
        _ => null,
    };
}
