#pragma once

#include <QByteArray>
#include <QString>

// Text the window writes to a file (a chain rule, a step log, a PyTorch script), replaced
// atomically: if writing fails, the old file stays as it was.
namespace SavedText {

// Empty, or "PATH: cannot write the file (why)".
QString write(const QString &path, const QByteArray &text);

} // namespace SavedText
