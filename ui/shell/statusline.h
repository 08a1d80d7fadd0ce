#pragma once

#include "snapshot.h"

#include <QWidget>

class QLabel;

// The status bar's permanent part: where the iteration stands (in the network view's
// words, see ProgressText), the epoch, and E_total over the whole data set at the current
// weights. Messages (refused edits, worker errors) go to the status bar's left side.
class StatusLine : public QWidget
{
    Q_OBJECT

public:
    explicit StatusLine(QWidget *parent = nullptr);

    void showSnapshot(const backprop::Snapshot &snapshot);
    // The quiz: E_total now reads "?" until the loss phase of the iteration has run (it is
    // what that phase will compute). Takes effect with the next snapshot.
    void setHidesUpcoming(bool hides) { m_hidesUpcoming = hides; }
    // The three parts as shown, separated by " | " (for tests).
    QString text() const;

private:
    QLabel *m_progress = nullptr;
    QLabel *m_epoch = nullptr;
    QLabel *m_error = nullptr;
    bool m_hidesUpcoming = false;
};
