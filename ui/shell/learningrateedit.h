#pragma once

#include <QWidget>

class QLineEdit;
class QSlider;

// The learning rate η, typed freely (any positive number, the locale's decimal separator or
// a dot) or set with a logarithmic slider from 10⁻⁴ to 10. A typed value the engine cannot
// use is refused with a message and the shown value goes back to the current one.
class LearningRateEdit : public QWidget
{
    Q_OBJECT

public:
    explicit LearningRateEdit(QWidget *parent = nullptr);

    double value() const { return m_value; }
    // Shows the engine's current value without emitting anything.
    void setValue(double value);
    QLineEdit *lineEdit() const { return m_edit; }

signals:
    void learningRateEdited(double value);
    void editRefused(const QString &message);
    // Enter was pressed in the field (after the value was taken or refused).
    void returnPressed();

private:
    void commitText();
    void commitSlider(int position);

    QLineEdit *m_edit = nullptr;
    QSlider *m_slider = nullptr;
    double m_value = 0.5;
};
