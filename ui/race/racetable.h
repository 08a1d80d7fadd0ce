#pragma once

#include "workermetatypes.h"

#include <QTableWidget>

// The optimizer race's numbers, one row per racer: E_total now, the iteration whose E_total
// first reached the threshold ("not yet"), and the current wa and wb. Every number is the
// engine's (RaceFrame), formatted with the window's digits.
class RaceTable : public QTableWidget
{
    Q_OBJECT

public:
    enum Column { Racer, ErrorNow, Reached, ValueA, ValueB, ColumnCount };

    explicit RaceTable(QWidget *parent = nullptr);

    void setFrame(const backprop::RaceFrame &frame);

private:
    QStringList m_headers;
};
