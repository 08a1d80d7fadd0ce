#include "savedtext.h"

#include <QObject>
#include <QSaveFile>

namespace SavedText {

QString write(const QString &path, const QByteArray &text)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text) || file.write(text) != text.size()
        || !file.commit())
        return QObject::tr("%1: cannot write the file (%2)").arg(path, file.errorString());
    return {};
}

} // namespace SavedText
