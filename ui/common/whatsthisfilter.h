#pragma once

#include <QObject>
#include <QPoint>
#include <QString>

#include <functional>

class QWidget;

// What's This (Shift+F1, then a click) on a view: asks `textAt` what is under the point (the
// view's element in words, with its own numbers) and shows it in Qt's bubble. Views keep no
// What's This code of their own; the words come from the engine (backprop::explanation).
class WhatsThisFilter : public QObject
{
    Q_OBJECT

public:
    using TextAt = std::function<QString(QPoint)>;

    // Installed on `view` (or its viewport); `textAt` gets widget coordinates of `view`.
    WhatsThisFilter(QWidget *view, TextAt textAt);

    QString textAt(QPoint point) const { return m_textAt(point); }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *m_view;
    TextAt m_textAt;
};
